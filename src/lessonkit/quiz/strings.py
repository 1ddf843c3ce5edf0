"""Every string of the quiz and of read aloud that a pupil sees or hears, in both languages.

The renderer writes most of them into the HTML at build time (buttons, hint, headings, answer key).
The ones the script says in the browser are listed in :data:`SCRIPT_STRINGS`; the renderer serialises
exactly those, for the page's language, into the page summary (``data-lk-strings``), and the script
reads them from there only: it has no copy of its own. Placeholders use ``{name}``: ``{check}`` is
filled by the renderer, ``{n}``, ``{m}``, ``{letter}`` and ``{text}`` by the script.
Tone: kind and encouraging, never shaming; Vietnamese as a teacher speaks to a pupil ("em").
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "vi": {
        # Written by the renderer at build time.
        "question_number": "Câu {n}.",
        "check": "Kiểm tra",
        "answer_key": "Xem đáp án",
        "correct_answers": "Đáp án đúng:",
        "summary_title": "Kết quả của em",
        "start_again": "Làm lại từ đầu",
        "try_again": "Thử lại",
        "show_answers": "Xem đáp án",
        "choose_all": "Em hãy chọn tất cả các đáp án đúng.",
        "read_aloud": "Đọc to",
        # Said by the script in the browser (SCRIPT_STRINGS).
        "mark_right": "Đúng",
        "mark_wrong": "Chưa đúng",
        "mark_answer": "Đáp án đúng",
        "result_right": "Đúng rồi! Em làm tốt lắm.",
        "result_partial": "Em chọn đúng rồi, nhưng vẫn còn đáp án đúng khác. Em hãy thử lại nhé.",
        "result_wrong": "Chưa đúng. Em hãy đọc lời nhắn ở đáp án em chọn rồi thử lại nhé.",
        "result_none": "Em chưa chọn câu trả lời nào. Em hãy chọn rồi bấm “{check}” nhé.",
        "result_shown": "Đây là đáp án đúng. Em hãy đọc kỹ rồi thử lại khi em sẵn sàng nhé.",
        "score": "Em đã làm đúng {n}/{m} câu.",
        "complete_all": "Tuyệt vời! Em đã trả lời đúng tất cả các câu. "
        "Hãy nhớ những điều em vừa học để luôn giữ an toàn cho mình nhé.",
        "complete_most": "Em làm tốt lắm! Em đã trả lời đúng phần lớn các câu. "
        "Em hãy đọc lại phần giải thích của những câu còn lại nhé.",
        "complete_some": "Cảm ơn em đã cố gắng làm hết bài! "
        "Mỗi lần làm là một lần em học thêm điều mới. "
        "Em hãy đọc lại phần giải thích và làm lại khi em muốn nhé.",
        # Read aloud: how an option is spoken (its letter, then its text).
        "read_option": "Phương án {letter}: {text}",
    },
    "en": {
        "question_number": "Question {n}.",
        "check": "Check",
        "answer_key": "Show the answers",
        "correct_answers": "Correct answers:",
        "summary_title": "Your result",
        "start_again": "Start again",
        "try_again": "Try again",
        "show_answers": "Show the answers",
        "choose_all": "Choose all the right answers.",
        "read_aloud": "Read aloud",
        "mark_right": "Right",
        "mark_wrong": "Not right",
        "mark_answer": "Right answer",
        "result_right": "That's right! Well done.",
        "result_partial": "What you chose is right, but there is another right answer too. Try again.",
        "result_wrong": "Not quite. Read the note under your answer, then try again.",
        "result_none": "You haven't chosen an answer yet. Choose one, then press “{check}”.",
        "result_shown": "Here are the right answers. Read them carefully, then try again when you are ready.",
        "score": "You have {n}/{m} questions right.",
        "complete_all": "Excellent! You got every question right. "
        "Remember what you have learned, to keep yourself safe.",
        "complete_most": "Well done! You got most of the questions right. "
        "Read the explanations of the others once more.",
        "complete_some": "Thank you for finishing the quiz! Every try helps you learn something new. "
        "Read the explanations again and have another go whenever you like.",
        "read_option": "{letter}. {text}",
    },
}


#: The keys the script says (and reads from ``data-lk-strings``); everything else is written at build time.
SCRIPT_STRINGS: tuple[str, ...] = (
    "mark_right", "mark_wrong", "mark_answer",
    "result_right", "result_partial", "result_wrong", "result_none", "result_shown",
    "score", "complete_all", "complete_most", "complete_some", "read_option",
)


def strings_for(lang: str) -> dict[str, str]:
    """The table for ``lang``, falling back to Vietnamese (the site's default language)."""
    return STRINGS.get(lang, STRINGS["vi"])


def script_strings(lang: str) -> dict[str, str]:
    """The strings the script says on a page in ``lang``, with the build-time placeholder ``{check}``
    already filled: what the renderer serialises into ``data-lk-strings``."""
    strings = strings_for(lang)
    return {key: strings[key].replace("{check}", strings["check"]) for key in SCRIPT_STRINGS}
