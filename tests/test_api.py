from __future__ import annotations

import inspect

import newsdesk


def test_api_all_lists_every_public_name() -> None:
    public = {
        name
        for name, value in vars(newsdesk).items()
        if not name.startswith("_") and not inspect.ismodule(value) and name != "annotations"
    }
    assert public <= set(newsdesk.__all__) | {"version", "PackageNotFoundError"}
    for name in newsdesk.__all__:
        assert hasattr(newsdesk, name), name


def test_api_all_is_sorted_and_unique() -> None:
    assert len(set(newsdesk.__all__)) == len(newsdesk.__all__)
