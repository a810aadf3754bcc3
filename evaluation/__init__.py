"""Quality of newsdesk against gold data: the shared kit's sets, scorers and pinned floors.

``python -m evaluation`` runs newsdesk over the sets of ``../shared/eval`` (when
present) and prints the kit scorers' figures; ``tests/test_evaluation.py`` is the
CI gate that fails when a figure drops below its floor in ``floors.toml``. The
sets are listed in :mod:`evaluation.sets`; add yours there.
"""
