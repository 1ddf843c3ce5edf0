"""Every string of the site search that a reader sees, in both languages.

The search partial (``theme/partials/search.html``) writes them all into the page: the labels in the
markup, the messages the script (``assets/search.js``) shows in ``data-lk-*`` attributes of the form
(the script fills ``{n}``).
The page's language picks the table, so results, labels and messages are all in that language.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "vi": {
        "label": "Tìm kiếm trong trang web",
        "placeholder": "Tìm kiếm",
        "reset": "Xóa từ đã gõ",
        "results": "Kết quả tìm kiếm",
        "idle": "Gõ từ cần tìm, có dấu hay không dấu đều được.",
        "loading": "Đang tìm…",
        "none": "Không tìm thấy trang nào có những từ này.",
        "one": "Tìm thấy 1 trang.",
        "other": "Tìm thấy {n} trang.",
        "more": "Xem thêm kết quả",
        "failed": "Không tải được dữ liệu tìm kiếm. Hãy tải lại trang rồi thử lại.",
    },
    "en": {
        "label": "Search this site",
        "placeholder": "Search",
        "reset": "Clear the search",
        "results": "Search results",
        "idle": "Type the words to look for.",
        "loading": "Searching…",
        "none": "No page has these words.",
        "one": "1 page found.",
        "other": "{n} pages found.",
        "more": "Show more results",
        "failed": "The search data could not be loaded. Reload the page and try again.",
    },
}


def strings_for(lang: str) -> dict[str, str]:
    """The table for ``lang``, falling back to Vietnamese (the site's default language)."""
    return STRINGS.get(lang, STRINGS["vi"])
