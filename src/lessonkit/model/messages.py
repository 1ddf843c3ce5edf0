"""Every message the checker prints, in every language it speaks: one catalogue.

A problem keeps the catalogue key and the values it was made from, so the same problem can be said in
English (what the build, the tests and machine consumers read) or in Vietnamese (what a teacher reads)
without the two texts drifting apart: the English text is nowhere else in the code.

Templates use ``str.format`` fields with names (``{field}``); both languages of one key must use the
same names (tests/checker/test_messages_vi.py checks it). A value may itself be a :class:`Message`
(a hint, a counted noun), rendered in the same language. Where one problem code has several wordings,
each wording has its own key (``field-type.text``, ``field-type.grades``); the problem's ``code``
stays the same, since machines match on it.

Vietnamese wording follows the authoring guide (docs/authoring.vi.md): "bài học", "tệp", "mục" for a
field or YAML key, "khối", "phương án", "phản hồi", "lời giải thích", "mã bài"; field names, keys and
file names stay as written, in quotes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Union

from .. import language_names

#: Languages of the messages. English is the default: the output machines and the build rely on.
MESSAGE_LANGUAGES: tuple[str, ...] = ("en", "vi")
DEFAULT_MESSAGE_LANGUAGE = "en"

#: A template value: text and numbers as they are, a Message rendered in the language asked for.
Param = Union[str, int, "Message"]


@dataclass(frozen=True)
class Message:
    """A catalogue key and its values: a text not yet put into words in a particular language."""

    key: str
    params: tuple[tuple[str, Param], ...] = ()

    def text(self, lang: str = DEFAULT_MESSAGE_LANGUAGE) -> str:
        return render(self.key, self.params, lang)


def msg(key: str, /, **params: object) -> Message:
    """The message ``key`` with ``params``; values other than text, numbers and messages become text
    (``str()``, as the f-strings did), so a message never holds a mutable YAML value."""
    if key not in MESSAGES:
        raise KeyError(f"no message '{key}' in the catalogue")  # a typo fails in tests, not at a teacher's desk
    return Message(key, tuple((name, value if isinstance(value, (str, int, Message)) else str(value))
                              for name, value in params.items()))


def render(key: str, params: Iterable[tuple[str, Param]], lang: str = DEFAULT_MESSAGE_LANGUAGE) -> str:
    """The text of ``key`` in ``lang`` (English when the language is unknown)."""
    templates = MESSAGES[key]
    template = templates.get(lang, templates[DEFAULT_MESSAGE_LANGUAGE])
    return template.format(**{name: value.text(lang) if isinstance(value, Message) else value
                              for name, value in params})


def counted(noun: str, n: int) -> Message:
    """``n`` and a noun, in the singular or plural form (English has both; Vietnamese does not inflect)."""
    return msg(f"{noun}.{'one' if n == 1 else 'other'}", n=n)


def and_list(items: list[str] | tuple[str, ...]) -> Param:
    """``a and b and c`` in the language of the message (``' and '.join`` in English)."""
    if len(items) <= 1:
        return items[0] if items else ""
    return msg("list.and", first=and_list(items[:-1]), last=items[-1])


def language_name(lang: str) -> Param:
    """The name of a site language (``vi``: Vietnamese / tiếng Việt) in the language of the message."""
    return msg(f"language.{lang}") if f"language.{lang}" in MESSAGES else lang


#: Where the content rules are explained: the heading of that section in each language's authoring guide.
_SEE_EN = " (see the authoring guide, 'Content rules')"
_SEE_VI = " (xem mục 'Quy tắc nội dung' trong hướng dẫn soạn bài)"

#: key → {language → template}. English texts are the checker's historical output, byte for byte.
MESSAGES: dict[str, dict[str, str]] = {
    # --- Pieces used inside other messages -------------------------------------------------------
    **{f"language.{code}": {"en": names["en"], "vi": names["vi"]} for code, names in language_names().items()},
    "list.and": {"en": "{first} and {last}", "vi": "{first} và {last}"},
    "word.none": {"en": "none", "vi": "không có"},
    "hint.did-you-mean": {"en": " (did you mean '{guess}'?)", "vi": " (có phải là '{guess}' không?)"},
    "hint.allowed-fields": {"en": " (allowed: {allowed})", "vi": " (các mục được dùng: {allowed})"},
    "hint.see-curriculum": {"en": " (see curriculum.yml)", "vi": " (xem curriculum.yml)"},
    "yaml.malformed": {"en": "malformed YAML: {reason}", "vi": "YAML sai cú pháp: {reason}"},
    "yaml.invalid": {"en": "malformed YAML: not valid YAML", "vi": "nội dung không phải YAML hợp lệ"},
    "module.one": {"en": "{n} module", "vi": "{n} bài học"},
    "module.other": {"en": "{n} modules", "vi": "{n} bài học"},
    "error.one": {"en": "{n} error", "vi": "{n} lỗi"},
    "error.other": {"en": "{n} errors", "vi": "{n} lỗi"},
    "warning.one": {"en": "{n} warning", "vi": "{n} cảnh báo"},
    "warning.other": {"en": "{n} warnings", "vi": "{n} cảnh báo"},
    "quiz-question.one": {"en": "{n} quiz question", "vi": "{n} câu hỏi"},
    "quiz-question.other": {"en": "{n} quiz questions", "vi": "{n} câu hỏi"},

    # --- Reading files (model/module.py, model/catalogue.py) --------------------------------------
    "file-encoding": {"en": "file is not UTF-8 text",
                      "vi": "tệp không được lưu dưới dạng văn bản UTF-8"},
    "file-unreadable": {"en": "cannot read file: {reason}", "vi": "không đọc được tệp: {reason}"},
    "front-matter-unclosed": {"en": "front matter is never closed with '---'",
                              "vi": "phần khai báo chưa được đóng bằng dòng '---'"},
    "front-matter-yaml": {"en": "front matter: {yaml}", "vi": "phần khai báo: {yaml}"},
    "front-matter-missing": {"en": "no front matter: the file must start with '---' and the curriculum tags",
                             "vi": "chưa có phần khai báo: tệp phải bắt đầu bằng dòng '---', tiếp theo là các mục "
                                   "khai báo theo chương trình"},
    "front-matter-type": {"en": "front matter must be 'field: value' lines",
                          "vi": "phần khai báo phải gồm các dòng dạng 'tên mục: giá trị'"},
    "quiz-nested-block": {"en": "a quiz block cannot contain other blocks",
                          "vi": "khối quiz không được chứa khối khác"},
    "lessons-missing": {"en": "lessons folder '{folder}' not found",
                        "vi": "không tìm thấy thư mục bài học '{folder}'"},
    "stray-file.lessons": {"en": "file is not part of any module (modules live in lessons/<level>/<id>/)",
                           "vi": "tệp này không thuộc bài học nào (mỗi bài học nằm trong một thư mục "
                                 "lessons/<level>/<id>/)"},
    "stray-file.level": {"en": "file is not part of any module (put it in a module folder lessons/<level>/<id>/)",
                         "vi": "tệp này không thuộc bài học nào (hãy đặt tệp vào thư mục của một bài học "
                               "lessons/<level>/<id>/)"},
    "unknown-level-folder": {"en": "folder '{folder}' is not a level of curriculum.yml ({levels})",
                             "vi": "thư mục '{folder}' không phải là một cấp học trong curriculum.yml ({levels})"},

    # --- Blocks (model/blocks.py) ------------------------------------------------------------------
    "block-stray-end": {"en": "closing '///' without an open block",
                        "vi": "có dòng đóng khối '///' nhưng không có khối nào đang mở"},
    "block-end-mismatch": {"en": "closing line has {count} slashes but the '{name}' block opened at line {start} "
                                 "has {length}",
                           "vi": "dòng đóng khối có {count} dấu gạch chéo nhưng khối '{name}' mở ở dòng {start} "
                                 "có {length} dấu"},
    "block-unknown": {"en": "unknown block '{name}' (known: {known}); it would be printed as literal text",
                      "vi": "không có loại khối '{name}' (các khối dùng được: {known}); khối này sẽ bị in ra "
                            "nguyên văn"},
    "block-malformed": {"en": "malformed block line: write '/// name | argument' to open a block and '///' alone "
                              "to close it; this line would be printed as literal text",
                        "vi": "dòng khối viết sai: mở khối bằng '/// tên khối | nội dung', đóng khối bằng một "
                              "dòng chỉ có '///'; dòng này sẽ bị in ra nguyên văn"},
    "block-unclosed": {"en": "the '{name}' block is never closed with '///'",
                       "vi": "khối '{name}' chưa được đóng bằng dòng '///'"},
    "block-options.yaml": {"en": "'{name}' block options: {yaml}", "vi": "tùy chọn của khối '{name}': {yaml}"},
    "block-options.mapping": {"en": "'{name}' block options must be 'key: value' lines; indent block content by "
                                    "less than 4 spaces or leave a blank line after the header",
                              "vi": "tùy chọn của khối '{name}' phải là các dòng 'tên mục: giá trị'; nếu đây là "
                                    "nội dung của khối, hãy lùi vào ít hơn 4 dấu cách hoặc để một dòng trống sau "
                                    "dòng mở khối"},

    # --- Quiz syntax (quiz/syntax.py) ----------------------------------------------------------------
    "quiz-no-question": {"en": "quiz block has no question: write it after '|' on the header line",
                         "vi": "khối quiz chưa có câu hỏi: hãy viết câu hỏi ngay sau dấu '|' trên dòng mở khối"},
    "quiz-unknown-option": {"en": "unknown quiz option '{key}' (allowed: {allowed})",
                            "vi": "khối quiz không có tùy chọn '{key}' (tùy chọn dùng được: {allowed})"},
    "quiz-bad-type": {"en": "quiz type must be 'single' or 'multiple', not '{value}'",
                      "vi": "loại câu hỏi (type) phải là 'single' hoặc 'multiple', không phải '{value}'"},
    "quiz-option-after-explanation": {"en": "option after the explanation: the explanation comes after all options",
                                      "vi": "có phương án nằm sau lời giải thích: lời giải thích phải đặt sau tất cả "
                                            "các phương án"},
    "quiz-empty-option": {"en": "option has no text", "vi": "phương án chưa có nội dung"},
    "quiz-bad-option": {"en": "a quiz option must be written '- [ ] text' (wrong) or '- [x] text' (right)",
                        "vi": "phương án phải viết dạng '- [ ] nội dung' (sai) hoặc '- [x] nội dung' (đúng)"},
    "quiz-text-before-options": {"en": "text before the options: put the question on the header line after '|'",
                                 "vi": "có chữ nằm trước các phương án: hãy viết câu hỏi trên dòng mở khối, sau "
                                       "dấu '|'"},
    "quiz-feedback-indent": {"en": "feedback must be indented by 4 spaces under its option; leave a blank line "
                                   "before the explanation",
                             "vi": "phản hồi phải viết ngay dưới phương án của nó, lùi vào 4 dấu cách; trước lời "
                                   "giải thích phải có một dòng trống"},
    "quiz-too-few-options": {"en": "a question needs at least 2 options, found {count}",
                             "vi": "mỗi câu hỏi cần ít nhất 2 phương án, câu này có {count}"},
    "quiz-no-correct": {"en": "no option is marked correct with '[x]'",
                        "vi": "chưa có phương án nào được đánh dấu đúng bằng '[x]'"},
    "quiz-single-several-correct": {"en": "'type: single' but {count} options are marked correct",
                                    "vi": "đã ghi 'type: single' nhưng có {count} phương án được đánh dấu đúng"},
    "quiz-no-feedback": {"en": "option has no feedback: indent a line of feedback by 4 spaces under it",
                         "vi": "phương án chưa có phản hồi: hãy viết phản hồi ngay dưới phương án, lùi vào 4 dấu "
                               "cách"},

    # --- Module rules (model/rules.py) --------------------------------------------------------------
    "duplicate-id": {"en": "module id '{id}' is already used by {other}: ids must be unique across levels",
                     "vi": "mã bài '{id}' đã được dùng cho {other}: mỗi bài học phải có mã riêng, kể cả khi "
                           "khác cấp học"},
    "module-id": {"en": "module folder '{id}' is not a valid id: use lowercase letters, digits and hyphens "
                        "(e.g. 'trusted-adults')",
                  "vi": "tên thư mục '{id}' không dùng làm mã bài được: chỉ dùng chữ thường không dấu, chữ số "
                        "và dấu gạch ngang (ví dụ 'trusted-adults')"},
    "missing-language.module": {"en": "the {language} file index.{lang}.md is missing: every module needs both "
                                      "languages",
                                "vi": "thiếu tệp {language} index.{lang}.md: bài học nào cũng phải có đủ hai thứ "
                                      "tiếng"},
    "stray-markdown": {"en": "'{name}' is not a language file of the module (expected index.<lang>.md with lang "
                             "one of {langs}): it is not published",
                       "vi": "'{name}' không phải tệp ngôn ngữ của bài học (tên tệp phải là index.<lang>.md, "
                             "với lang là một trong {langs}): tệp này sẽ không được đưa lên trang web"},
    "unknown-field": {"en": "unknown field '{field}'{hint}", "vi": "không có mục nào tên '{field}'{hint}"},
    "missing-field": {"en": "missing field '{field}'", "vi": "thiếu mục '{field}'"},
    "field-type.text": {"en": "'{field}' must be text", "vi": "'{field}' phải là văn bản, không được để trống"},
    "field-type.level": {"en": "'{field}' must be a level key such as 'primary'",
                         "vi": "'{field}' phải là mã cấp học, ví dụ 'primary'"},
    "field-type.grades": {"en": "'{field}' must be a non-empty list of grade numbers, e.g. [1, 2, 3]",
                          "vi": "'{field}' phải là danh sách các lớp, ghi bằng số, ví dụ [1, 2, 3]"},
    "field-type.duration": {"en": "'{field}' must be a whole number of minutes",
                            "vi": "'{field}' phải là số phút, ghi bằng số nguyên"},
    "field-type.subjects": {"en": "'{field}' must be a non-empty list of subject keys",
                            "vi": "'{field}' phải là danh sách mã môn học, có ít nhất một môn"},
    "field-type.topics": {"en": "'{field}' must be a non-empty list of topic keys",
                          "vi": "'{field}' phải là danh sách mã chủ đề, có ít nhất một chủ đề"},
    "field-type.objectives": {"en": "'{field}' must be a list of sentences",
                              "vi": "'{field}' phải là danh sách các câu mục tiêu"},
    "field-type.sources": {"en": "'{field}' must be a list of at least one source (title and url)",
                           "vi": "'{field}' phải là danh sách có ít nhất một nguồn (gồm title và url)"},
    "description-length": {"en": "'description' has {count} characters; at most {max}",
                           "vi": "'description' dài {count} ký tự; chỉ được tối đa {max} ký tự"},
    "duration-range": {"en": "'duration' is {minutes} minutes; it must be {low} to {high}",
                       "vi": "'duration' đang là {minutes} phút; thời lượng phải từ {low} đến {high} phút"},
    "objectives-count": {"en": "{count} objectives; a module has {low} to {high}",
                         "vi": "bài có {count} mục tiêu; mỗi bài học cần từ {low} đến {high} mục tiêu"},
    "source-type.fields": {"en": "each source needs a 'title' and a 'url'",
                           "vi": "mỗi nguồn cần có 'title' và 'url'"},
    "source-type.unknown": {"en": "unknown source field '{field}' (a source has title and url)",
                            "vi": "nguồn không có mục '{field}' (mỗi nguồn chỉ gồm title và url)"},
    "source-url": {"en": "source url '{url}' is not a web address: write it in full, starting with https://",
                   "vi": "url '{url}' của nguồn không phải địa chỉ trang web: hãy ghi đầy đủ, bắt đầu bằng https://"},
    "grades-repeat": {"en": "'grades' lists a grade twice", "vi": "'grades' có một lớp bị ghi hai lần"},
    "subjects-repeat": {"en": "'subjects' lists a subject twice", "vi": "'subjects' có một môn học bị ghi hai lần"},
    "topics-repeat": {"en": "'topics' lists a topic twice", "vi": "'topics' có một chủ đề bị ghi hai lần"},
    "unknown-level": {"en": "unknown level '{level}' (known: {known})",
                      "vi": "không có cấp học '{level}' trong chương trình (các cấp học: {known})"},
    "level-folder": {"en": "level '{level}' does not match the folder '{folder}'",
                     "vi": "cấp học '{level}' không khớp với thư mục '{folder}'"},
    "grade-level": {"en": "grade {grade} is not in {level} (grades {grades})",
                    "vi": "lớp {grade} không thuộc cấp học '{level}' (gồm các lớp {grades})"},
    "unknown-subject": {"en": "unknown subject '{subject}'{hint}",
                        "vi": "không có môn học '{subject}' trong chương trình{hint}"},
    "subject-level": {"en": "subject '{subject}' is not taught at {level} (only at {levels})",
                      "vi": "môn học '{subject}' không dạy ở cấp học '{level}' (chỉ dạy ở: {levels})"},
    "unknown-topic": {"en": "unknown topic '{topic}'{hint}",
                      "vi": "không có chủ đề '{topic}' trong chương trình{hint}"},
    "avoid-word": {"en": "'{found}' is on the {level} avoid list: choose words that fit the age" + _SEE_EN,
                   "vi": "'{found}' nằm trong danh sách từ cần tránh của cấp học '{level}': hãy chọn từ ngữ phù hợp "
                         "với lứa tuổi" + _SEE_VI},
    "never-word.lesson": {"en": "'{found}' must never appear in a lesson (curriculum.yml 'never' list)",
                          "vi": "không bao giờ được dùng '{found}' trong bài học (danh sách 'never' trong "
                                "curriculum.yml)"},
    "link.loads-from-host": {"en": "'{target}' loads from another host: the site must work offline; put the file "
                                   "in the module folder",
                             "vi": "'{target}' được tải từ một trang web khác, trong khi trang phải dùng được cả khi "
                                   "không có mạng: hãy đặt tệp vào thư mục bài học"},
    "link.absolute": {"en": "absolute link '{target}' breaks when the site is opened from a USB stick: use a "
                            "relative link",
                      "vi": "đường dẫn tuyệt đối '{target}' sẽ hỏng khi mở trang web từ USB: hãy dùng đường dẫn "
                            "tương đối"},
    "link.outside": {"en": "link '{target}' points outside the site",
                     "vi": "đường dẫn '{target}' trỏ ra ngoài trang web"},
    "link.not-found": {"en": "link target '{target}' not found",
                       "vi": "không tìm thấy nơi mà đường dẫn '{target}' trỏ tới"},
    "min-questions": {"en": "{questions}; {level} modules need at least {min}",
                      "vi": "bài có {questions}; bài học cấp '{level}' cần ít nhất {min} câu hỏi"},
    "quiz-ends-with-help": {"en": "the last question's explanation should point to a trusted adult and {number}",
                            "vi": "lời giải thích của câu hỏi cuối nên nhắc học sinh tìm đến người lớn tin cậy và "
                                  "số {number}"},
    "no-student-block": {"en": "no '/// student' block: the pupils' page of this module will show only the quiz",
                         "vi": "chưa có khối '/// student': trang dành cho học sinh của bài này sẽ chỉ có phần câu "
                               "hỏi"},
    "no-family-block": {"en": "no '/// family' block: this module has no family sheet to tell parents and carers "
                                "what the child learned",
                        "vi": "chưa có khối '/// family': bài học này chưa có phần gửi gia đình để bố mẹ, người "
                              "chăm sóc biết các em đã học gì"},
    "translation-family": {"en": "no '/// family' block here, but {other} has one (line {line}): the family text "
                                   "must be in both languages, or in neither",
                           "vi": "tệp này chưa có khối '/// family', trong khi {other} đã có (dòng {line}): phần "
                                 "gửi gia đình phải có ở cả hai ngôn ngữ, hoặc không có ở ngôn ngữ nào"},
    "translation-mismatch.field": {"en": "'{field}' is {here} here but {there} in {base}: both languages must agree",
                                   "vi": "'{field}' ở đây là {here} nhưng ở {base} là {there}: hai thứ tiếng phải "
                                         "khớp nhau"},
    "translation-mismatch.objectives": {"en": "{here} objectives here but {there} in {base}: both languages must "
                                              "agree",
                                        "vi": "ở đây có {here} mục tiêu nhưng {base} có {there}: hai thứ tiếng phải "
                                              "khớp nhau"},
    "translation-quiz.count": {"en": "{here} quiz questions here but {there} in {base}",
                               "vi": "ở đây có {here} câu hỏi nhưng {base} có {there}"},
    "translation-quiz.options": {"en": "question {number} has {here} options here but {there} in {base} "
                                       "(line {base_line})",
                                 "vi": "câu hỏi {number} ở đây có {here} phương án nhưng ở {base} (dòng {base_line}) "
                                       "có {there}"},
    "translation-quiz.correct": {"en": "question {number}: correct option(s) {here} here but {there} in {base} "
                                       "(line {base_line})",
                                 "vi": "câu hỏi {number}: phương án đúng ở đây: {here}; ở {base} (dòng "
                                       "{base_line}): {there}"},
    "translation-quiz.type": {"en": "question {number} is '{here}' here but '{there}' in {base} (line {base_line})",
                              "vi": "câu hỏi {number} ở đây thuộc loại '{here}' nhưng ở {base} (dòng {base_line}) "
                                    "thuộc loại '{there}'"},

    # --- Page safety (model/safety.py) ---------------------------------------------------------------
    "unsafe-html.script": {"en": "'<{tag}>' would run code in the pupils' browsers: remove it; quizzes and blocks "
                                 "give the page its interactivity" + _SEE_EN,
                           "vi": "thẻ '<{tag}>' sẽ chạy mã lệnh trên trình duyệt của học sinh: hãy xóa thẻ này; các "
                                 "câu hỏi và các khối đã giúp trang có tương tác" + _SEE_VI},
    "unsafe-html.embed": {"en": "'<{tag}>' embeds another page or file: link to the video's or the page's address "
                                "with a Markdown link instead of embedding it, e.g. [Watch the video](https://…)"
                                + _SEE_EN,
                          "vi": "thẻ '<{tag}>' nhúng một trang hay một tệp khác vào bài: thay vì nhúng, hãy dẫn tới "
                                "địa chỉ của video hoặc của trang đó bằng một liên kết Markdown, ví dụ "
                                "[Xem video](https://…)" + _SEE_VI},
    "unsafe-html.form": {"en": "'<{tag}>' would send what pupils type to another place: write questions as "
                               "'/// quiz' blocks, whose answers stay in the pupil's browser" + _SEE_EN,
                         "vi": "thẻ '<{tag}>' sẽ gửi những gì học sinh nhập tới nơi khác: hãy viết câu hỏi bằng khối "
                               "'/// quiz', câu trả lời chỉ nằm trên trình duyệt của học sinh" + _SEE_VI},
    "unsafe-html.style": {"en": "'<{tag}>' changes how the whole site looks: use Markdown (headings, lists, "
                                "**bold**) and the site's blocks instead" + _SEE_EN,
                          "vi": "thẻ '<{tag}>' làm thay đổi giao diện của cả trang web: hãy dùng Markdown (đề mục, "
                                "danh sách, **chữ đậm**) và các khối có sẵn của trang" + _SEE_VI},
    "unsafe-html.head": {"en": "'<{tag}>' belongs in the page head, which the site writes itself: remove it; to "
                               "point to another page, write a Markdown link" + _SEE_EN,
                         "vi": "thẻ '<{tag}>' thuộc phần đầu trang, do trang web tự tạo: hãy xóa thẻ này; muốn dẫn "
                               "tới một trang khác, hãy viết liên kết Markdown" + _SEE_VI},
    "unsafe-attribute.event": {"en": "event attribute '{name}' would run code when the page is used: remove it; "
                                     "quizzes and blocks give the page its interactivity" + _SEE_EN,
                               "vi": "thuộc tính sự kiện '{name}' sẽ chạy mã lệnh khi học sinh dùng trang: hãy xóa "
                                     "thuộc tính này; các câu hỏi và các khối đã giúp trang có tương tác" + _SEE_VI},
    "unsafe-attribute.srcdoc": {"en": "'srcdoc' puts a whole page inside this one: remove it and link to the page "
                                      "with a Markdown link instead" + _SEE_EN,
                                "vi": "thuộc tính 'srcdoc' nhúng cả một trang vào trong trang này: hãy xóa đi và dẫn "
                                      "tới trang đó bằng một liên kết Markdown" + _SEE_VI},
    "unsafe-url.script": {"en": "'{url}' is a {scheme} address, which runs code instead of opening a page: use an "
                                "https:// address, or a relative link to a page of the site" + _SEE_EN,
                          "vi": "'{url}' là địa chỉ dạng {scheme}, sẽ chạy mã lệnh thay vì mở một trang: hãy dùng "
                                "địa chỉ https://, hoặc đường dẫn tương đối tới một trang của trang web" + _SEE_VI},
    "unsafe-url.data": {"en": "'{url}' is a {scheme} address (a file written into the page): put the file in the "
                              "module folder and link to it; only PNG, JPEG, GIF and WebP pictures may be written as "
                              "{scheme} addresses" + _SEE_EN,
                        "vi": "'{url}' là địa chỉ dạng {scheme} (cả tệp được viết thẳng vào trang): hãy đặt tệp vào "
                              "thư mục bài học rồi dẫn tới tệp đó; chỉ ảnh PNG, JPEG, GIF và WebP mới được viết thành "
                              "địa chỉ dạng {scheme}" + _SEE_VI},
    "front-matter-html": {"en": "'{field}' is plain text but holds the HTML '{markup}': remove it; the site shows "
                                "this text exactly as written (formatting belongs in the body)" + _SEE_EN,
                          "vi": "'{field}' chỉ được là chữ thường nhưng lại có mã HTML '{markup}': hãy xóa đi; trang "
                                "web hiện chữ ở mục này đúng như đã viết (muốn định dạng thì viết trong phần nội dung "
                                "bài)" + _SEE_VI},

    # --- The site's own pages (model/sitepages.py, model/project.py) ---------------------------------
    "page-clash": {"en": "this page conflicts with a page built from lessons/: remove it from docs/",
                   "vi": "trang này trùng với một trang được tạo từ thư mục lessons/: hãy xóa trang này khỏi docs/"},
    "page-language": {"en": "page has no language suffix: name it {stem}.{first}.md and {stem}.{second}.md",
                      "vi": "tên trang chưa có đuôi ngôn ngữ: hãy đặt tên {stem}.{first}.md và {stem}.{second}.md"},
    "page-title": {"en": "page has no 'title' in its front matter",
                   "vi": "phần khai báo của trang chưa có mục 'title'"},
    "missing-language.page": {"en": "the {language} version {stem}.{lang}.md of this page is missing",
                              "vi": "trang này còn thiếu bản {language} {stem}.{lang}.md"},

    # --- curriculum.yml (model/curriculum.py) -----------------------------------------------------
    "what.level": {"en": "level '{key}'", "vi": "cấp học '{key}'"},
    "what.subject": {"en": "subject '{key}'", "vi": "môn học '{key}'"},
    "what.topic": {"en": "topic '{key}'", "vi": "chủ đề '{key}'"},
    "what.avoid": {"en": "{level}: avoid", "vi": "{level}: mục 'avoid'"},
    "what.never": {"en": "never", "vi": "mục 'never'"},
    "curriculum-missing": {"en": "curriculum.yml not found: every module is checked against it",
                           "vi": "không tìm thấy curriculum.yml: mọi bài học đều được kiểm tra theo tệp này"},
    "curriculum-unreadable": {"en": "cannot read curriculum.yml: {reason}",
                              "vi": "không đọc được curriculum.yml: {reason}"},
    "curriculum-yaml": {"en": "{yaml}", "vi": "{yaml}"},
    "curriculum-structure.top": {"en": "curriculum.yml must be a mapping with keys {keys}",
                                 "vi": "curriculum.yml phải gồm các dòng 'tên mục: giá trị', với các mục {keys}"},
    "curriculum-structure.mapping": {"en": "'{key}' must be a non-empty mapping",
                                     "vi": "'{key}' phải gồm các dòng 'tên mục: giá trị', không được để trống"},
    "curriculum-structure.level": {"en": "{what} must be a mapping",
                                   "vi": "{what} phải gồm các dòng 'tên mục: giá trị'"},
    "curriculum-structure.description": {"en": "{what}: description must map languages to text",
                                         "vi": "{what}: mục 'description' phải ghi nội dung theo từng thứ tiếng"},
    "curriculum-structure.subject": {"en": "{what} must be a mapping with name and levels",
                                     "vi": "{what} phải gồm các dòng 'tên mục: giá trị', có name và levels"},
    "curriculum-missing-key": {"en": "curriculum.yml has no '{key}' key", "vi": "curriculum.yml thiếu mục '{key}'"},
    "curriculum-unknown-key.top": {"en": "unknown key '{key}' in curriculum.yml",
                                   "vi": "curriculum.yml không có mục '{key}'"},
    "curriculum-unknown-key.level": {"en": "unknown key '{key}' in {what}", "vi": "{what} không có mục '{key}'"},
    "curriculum-name.languages": {"en": "{what} needs a name in every language ({langs})",
                                  "vi": "{what} cần có tên bằng đủ các thứ tiếng ({langs})"},
    "curriculum-name.every-language": {"en": "{what} needs a name in every language",
                                       "vi": "{what} cần có tên bằng đủ các thứ tiếng"},
    "curriculum-name.language": {"en": "{what} has no {lang} name", "vi": "{what} chưa có tên ở mục '{lang}'"},
    "curriculum-name.none": {"en": "{what} has no name", "vi": "{what} chưa có mục 'name'"},
    "curriculum-grades.list": {"en": "{what}: grades must be a non-empty list of whole numbers",
                               "vi": "{what}: mục 'grades' phải là danh sách các lớp, ghi bằng số nguyên, không được "
                                     "để trống"},
    "curriculum-grades.twice": {"en": "grade {grade} is in both '{first}' and '{second}'",
                                "vi": "lớp {grade} có mặt ở cả '{first}' lẫn '{second}'"},
    "curriculum-min-questions": {"en": "{what}: min_questions must be a whole number, 0 or more",
                                 "vi": "{what}: mục 'min_questions' phải là số nguyên, từ 0 trở lên"},
    "curriculum-words.list": {"en": "{what} must be a list of words or phrases",
                              "vi": "{what} phải là danh sách các từ hoặc cụm từ"},
    "curriculum-words.alnum": {"en": "{what}: every entry needs a letter or a digit",
                               "vi": "{what}: mỗi từ phải có ít nhất một chữ cái hoặc chữ số"},
    "curriculum-ages.not-grade": {"en": "ages: '{grade}' is not a grade number",
                                  "vi": "ages: '{grade}' không phải là số của một lớp"},
    "curriculum-ages.span": {"en": "ages: grade {grade} needs [youngest, oldest] ages",
                             "vi": "ages: lớp {grade} cần ghi độ tuổi dạng [nhỏ nhất, lớn nhất]"},
    "curriculum-ages.missing": {"en": "ages: grade {grade} of level '{level}' has no age range",
                                "vi": "ages: lớp {grade} của cấp học '{level}' chưa có độ tuổi"},
    "curriculum-subject-levels.list": {"en": "{what} needs a non-empty list of levels",
                                       "vi": "{what} cần có danh sách cấp học (levels), không được để trống"},
    "curriculum-subject-levels.unknown": {"en": "{what}: unknown level '{level}'",
                                          "vi": "{what}: không có cấp học '{level}'"},

    # --- helplines.yml (helplines.py) ---------------------------------------------------------------
    "helplines-missing": {"en": "helplines.yml not found: the help page and quiz results need it",
                          "vi": "không tìm thấy helplines.yml: trang trợ giúp và phần kết quả câu hỏi cần tệp này"},
    "helplines-unreadable": {"en": "cannot read helplines.yml: {reason}",
                             "vi": "không đọc được helplines.yml: {reason}"},
    "helplines-yaml": {"en": "{yaml}", "vi": "{yaml}"},
    "helplines-structure.hotlines": {"en": "'hotlines' must be a non-empty list",
                                     "vi": "'hotlines' phải là một danh sách, không được để trống"},
    "helplines-structure.adults": {"en": "'trusted_adults' needs a list in {langs}",
                                   "vi": "'trusted_adults' cần có danh sách cho cả {langs}"},
    "helplines-structure.report": {"en": "'report_to' needs text in {langs}",
                                   "vi": "'report_to' cần có nội dung cho cả {langs}"},
    "helplines-number": {"en": "each hotline needs a 'number' written as text in quotes",
                         "vi": "mỗi đường dây nóng cần có 'number', ghi trong dấu ngoặc kép"},
    "helplines-text": {"en": "hotline {number} needs a '{key}' in {langs}",
                       "vi": "đường dây nóng {number} cần có '{key}' cho cả {langs}"},
    "helplines-source": {"en": "hotline {number}: a source has a title and a url",
                         "vi": "đường dây nóng {number}: nguồn phải có title và url"},
    "never-word.published": {"en": "'{found}' must never be published (curriculum.yml 'never' list)",
                             "vi": "không bao giờ được đưa '{found}' lên trang web (danh sách 'never' trong "
                                   "curriculum.yml)"},

    # --- Command lines (cli/*.py): what the commands print besides problems -----------------------
    "cli.summary": {"en": "{modules} checked: {errors}, {warnings}",
                    "vi": "Đã kiểm tra {modules}: {errors}, {warnings}"},
    "package.building": {"en": "Building the site (strict) for the package…",
                         "vi": "Đang dựng trang web (chế độ nghiêm ngặt) để đóng gói…"},
    "package.failed": {"en": "the build failed: no package was written (fix the errors above, or run 'lessonkit check')",
                       "vi": "dựng trang không thành công nên chưa tạo gói (hãy sửa các lỗi ở trên, hoặc chạy 'lessonkit check')"},
    "package.written": {"en": "Package: {zip}\nChecksum: {sha} (check it with: sha256sum -c {sha})",
                        "vi": "Gói: {zip}\nMã kiểm tra: {sha} (kiểm tra bằng lệnh: sha256sum -c {sha})"},
    "cli.no-such-path": {"en": "no such file or folder: {path}", "vi": "không tìm thấy tệp hay thư mục: {path}"},
    "cli.bad-lang-env": {"en": "{var}='{value}' is not one of {langs}: messages are in English",
                         "vi": "{var}='{value}' không phải một trong {langs}: thông báo sẽ được in bằng tiếng Anh"},
    "new.curriculum-broken": {"en": "curriculum.yml has errors; fix them first",
                              "vi": "curriculum.yml đang có lỗi; hãy sửa các lỗi đó trước"},
    "new.unknown-level": {"en": "unknown level '{level}' (known: {known})",
                          "vi": "không có cấp học '{level}' (các cấp học: {known})"},
    "new.bad-id": {"en": "'{id}' is not a valid id: use lowercase letters, digits and hyphens",
                   "vi": "'{id}' không dùng làm mã bài được: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang"},
    "new.exists": {"en": "module id '{id}' already exists: {rel}", "vi": "mã bài '{id}' đã được dùng: {rel}"},
    "new.created": {"en": "created {rel}/ ({files}): write the lesson, then run 'lessonkit check {rel}'",
                    "vi": "đã tạo {rel}/ ({files}): hãy viết bài, rồi chạy 'lessonkit check --lang vi {rel}'"},
    "coverage.modules": {"en": "{count} modules", "vi": "{count} bài học"},
    "coverage.grade": {"en": "Grade", "vi": "Lớp"},
    "coverage.level": {"en": "level", "vi": "cấp học"},
    "coverage.topic": {"en": "Topic", "vi": "Chủ đề"},
    "coverage.module-ids": {"en": "modules", "vi": "bài học"},
    "coverage.no-grade": {"en": "none", "vi": "không có lớp nào"},
    "coverage.no-topic": {"en": "none", "vi": "không có chủ đề nào"},
    "coverage.uncovered-grades": {"en": "Grades without a module in every language: {grades}",
                                  "vi": "Lớp chưa có bài học ở đủ các thứ tiếng: {grades}"},
    "coverage.uncovered-topics": {"en": "Topics without a module in every language: {topics}",
                                  "vi": "Chủ đề chưa có bài học ở đủ các thứ tiếng: {topics}"},
}
