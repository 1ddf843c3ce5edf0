"""Vietnamese messages: the catalogue is complete, and ``--lang vi`` / ``LESSONKIT_LANG=vi`` print them.

English stays the default (the other checker tests assert its exact lines); only the message after
``PATH:LINE: error|warning:`` and the summary change language, never the codes or the line format.
"""

from __future__ import annotations

import re
import string
import unicodedata

import pytest
from checkerlib import EN, RE_PROBLEM, REPO, VI, Project, both, problems_of

from lessonkit.model import load, validate
from lessonkit.model.messages import MESSAGE_LANGUAGES, counted, msg
from lessonkit.model.problems import Problem, ProblemList
from lessonkit.model.quiz import parse_question
from lessonkit.strings import own

SRC = REPO / "src" / "lessonkit"
#: The checker's messages as the catalogue files give them: key -> {language -> template}.
MESSAGES = {
    key: {lang: own("messages", lang).get(key, "") for lang in MESSAGE_LANGUAGES} for key in own("messages", "en")
}
#: Keys built at run time rather than written out: ``field-type.<kind>``, ``language.<code>``, ``what.<kind>``,
#: ``curriculum-structure.<kind>`` and
#: the counted nouns of :func:`counted` (``module.one``, ``module.other``).
DYNAMIC_PREFIXES = (
    "translation-quiz.",
    "helplines-structure.",
    "field-type.",
    "language.",
    "what.",
    "curriculum-structure.",
    "module.",
    "step.",
    "error.",
    "warning.",
    "quiz-question.",
)
#: Templates that are only a value, the same in every language.
SAME_IN_EVERY_LANGUAGE = {"curriculum-yaml", "helplines-yaml"}


def _fields(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]


# --- The catalogue -------------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_placeholders(key):
    templates = MESSAGES[key]
    assert set(templates) == set(MESSAGE_LANGUAGES), key
    en = _fields(templates["en"])
    assert all(re.fullmatch(r"[a-z_]+", name) for name in en), f"{key}: use named placeholders, {en}"
    for lang in MESSAGE_LANGUAGES:
        assert templates[lang].strip(), f"{key} has no {lang} text"
        assert sorted(_fields(templates[lang])) == sorted(en), f"{key}: {lang} placeholders differ from en"


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_vietnamese_is_written_out(key):
    vi = MESSAGES[key]["vi"]
    assert unicodedata.is_normalized("NFC", vi), f"{key}: diacritics must be composed (NFC)"
    if key not in SAME_IN_EVERY_LANGUAGE and not key.startswith("language."):
        assert vi != MESSAGES[key]["en"], f"{key} is not translated"


def test_every_message_is_used_and_every_used_key_exists():
    code = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py") if p.name != "messages.py")
    code += (SRC / "model" / "messages.py").read_text(encoding="utf-8").split("MESSAGES: dict")[0]
    used = set(re.findall(r"""(?:msg|say)\(\s*["']([a-z0-9.\-]+)["']""", code))
    # Keys chosen from a table (model/safety.py: REFUSED_ELEMENTS) or passed to a local helper whose
    # problem code is the key (rules.py) appear as quoted values.
    used |= {key for key in MESSAGES if re.search(rf"""["']{re.escape(key)}["']""", code)}
    assert used - set(MESSAGES) == set(), "keys used but not in the catalogue"
    unused = {k for k in MESSAGES if k not in used and not k.startswith(DYNAMIC_PREFIXES)}
    assert unused == set(), "catalogue entries nothing uses"


def test_nested_messages_are_rendered_in_the_same_language():
    hint = msg("hint.did-you-mean", guess="grades")
    message = msg("unknown-field", field="grade", hint=hint)
    assert message.text() == "unknown field 'grade' (did you mean 'grades'?)"
    assert message.text("vi") == "không có mục nào tên 'grade' (có phải là 'grades' không?)"
    assert counted("module", 1).text() == "1 module" and counted("module", 2).text() == "2 modules"
    assert counted("module", 2).text("vi") == "2 bài học"


def test_an_unknown_key_fails_where_the_message_is_made():
    with pytest.raises(KeyError):
        msg("no-such-message")


def test_problem_keeps_english_and_can_be_said_in_vietnamese():
    problems = ProblemList()
    problems.error("a.md", 0, "missing-field", msg("missing-field", field="title"))
    problems.error("a.md", 0, "missing-field", msg("missing-field", field="title"))
    problems.warning("a.md", 2, "literal", "a literal text")
    (first, _, literal) = problems
    assert first == Problem("a.md", 1, "error", "missing-field", "missing field 'title'")
    assert len(set(problems)) == 2
    assert first.format("vi") == "a.md:1: error: thiếu mục 'title'"
    assert first.as_dict("vi")["message"] == "thiếu mục 'title'" and first.as_dict()["message"] == first.message
    assert literal.format("vi") == "a.md:2: warning: a literal text"


def test_problems_with_values_of_different_types_still_sort():
    a = Problem.of("a.md", 1, "error", "c", msg("grade-level", grade=1, level="x", grades="1"))
    b = Problem.of("a.md", 1, "error", "c", msg("grade-level", grade="1", level="x", grades="1"))
    assert sorted({a, b}) == [a]  # the same English text: one problem


def test_quiz_syntax_problems_keep_their_english_message():
    _, problems = parse_question(None, {}, [(2, "- [x] A")], 1)
    assert [p.message for p in problems][:1] == ["quiz block has no question: write it after '|' on the header line"]
    assert problems[0].detail.text("vi") == (
        "khối quiz chưa có câu hỏi: hãy viết câu hỏi ngay sau dấu '|' trên dòng mở khối"
    )


def test_every_problem_of_a_broken_project_is_translated(project: Project):
    """No literal English left in the model: every problem carries a catalogue template."""
    project.replace(VI, "grades: [1, 2, 3]", "grade: [1, 2, 3]\nduration: 5")
    project.replace(EN, "## Activity\n", "## Activity\n///\n/// teachr\n![x](/a.png)\n")
    project.replace(EN, "- [x] My parents.", "- [ ] My parents.")
    project.write("lessons/primary/stray.txt", "x")
    project.write("docs/help.md", "no language")
    problems = validate(load(project.root))
    assert len(problems) >= 6
    untranslated = [p for p in problems if not p.template or p.message_in("vi") == p.message]
    assert untranslated == []


# --- The command line ----------------------------------------------------------------------------


def test_clean_project_in_vietnamese(project: Project):
    result = project.check("--lang", "vi")
    assert (result.rc, result.lines, result.err) == (0, ["Đã kiểm tra 1 bài học: 0 lỗi, 0 cảnh báo"], "")


def test_duration_out_of_range_in_vietnamese(project: Project):
    both(project, "duration: 35", "duration: 5")
    result = project.check("--lang", "vi")
    assert result.lines == [
        f"{EN}:7: error: 'duration' đang là 5 phút; thời lượng phải từ 10 đến 90 phút",
        f"{VI}:7: error: 'duration' đang là 5 phút; thời lượng phải từ 10 đến 90 phút",
        "Đã kiểm tra 1 bài học: 2 lỗi, 0 cảnh báo",
    ]
    assert result.rc == 1 and result.err == ""


def test_misspelt_field_and_missing_feedback_in_vietnamese(project: Project):
    project.replace(VI, "grades: [1, 2, 3]", "grade: [1, 2, 3]")
    project.replace(VI, "    Đúng, bố mẹ luôn muốn em an toàn.\n", "")
    assert project.check("--lang", "vi").lines == [
        f"{VI}:1: error: thiếu mục 'grades'",
        f"{VI}:6: error: không có mục nào tên 'grade' (có phải là 'grades' không?)",
        f"{VI}:46: error: phương án chưa có phản hồi: hãy viết phản hồi ngay dưới phương án, lùi vào 4 dấu cách",
        "Đã kiểm tra 1 bài học: 3 lỗi, 0 cảnh báo",
    ]


def test_warnings_links_and_quiz_parity_in_vietnamese(project: Project):
    both(project, "/// student", "/// teacher")
    project.replace(EN, "- [x] My parents.", "- [ ] My parents.")
    project.replace(EN, "## Activity\n", "## Activity\n\n![map](/map.png)\n")
    no_student = "warning: chưa có khối '/// student': trang dành cho học sinh của bài này sẽ chỉ có phần câu hỏi"
    assert project.check("--lang", "vi").lines == [
        f"{EN}:1: {no_student}",
        f"{EN}:20: error: đường dẫn tuyệt đối '/map.png' sẽ hỏng khi mở trang web từ USB: hãy dùng đường dẫn tương đối",
        f"{EN}:45: error: câu hỏi 2: phương án đúng ở đây: 1; ở {VI} (dòng 43): 1, 2",
        f"{VI}:1: {no_student}",
        "Đã kiểm tra 1 bài học: 2 lỗi, 2 cảnh báo",
    ]


def _break(project: Project) -> None:
    project.replace(VI, "duration: 35", "duration: 5")
    project.replace(EN, "title: My trusted adults", "title: 5")
    project.replace(VI, "## Hoạt động\n", "## Hoạt động\n///\n")
    project.replace(VI, "Hãy kể với người lớn tin cậy, hoặc nhờ người lớn gọi 111.", "Hãy kể.")


def test_the_same_problems_in_both_languages(project: Project):
    _break(project)
    en, vi = project.check(), project.check("--lang", "vi")
    assert vi.rc == en.rc == 1
    frame = [RE_PROBLEM.match(line).group("path", "line", "severity") for line in en.problem_lines]
    assert [RE_PROBLEM.match(line).group("path", "line", "severity") for line in vi.problem_lines] == frame
    assert all(a != b for a, b in zip(en.problem_lines, vi.problem_lines, strict=False))
    assert vi.lines[-1] == "Đã kiểm tra 1 bài học: 4 lỗi, 1 cảnh báo"


def test_json_in_vietnamese_keeps_codes_and_fields(project: Project):
    _break(project)
    en, vi = project.check_json(), project.check_json("--lang", "vi")
    assert vi.rc == en.rc == 1
    en_problems, vi_problems = problems_of(en), problems_of(vi)
    assert [p[:4] for p in vi_problems] == [p[:4] for p in en_problems]
    assert all(set(p) == {"path", "line", "severity", "code", "message"} for p in vi.json()["problems"])
    assert {k: v for k, v in vi.json().items() if k != "problems"} == {
        k: v for k, v in en.json().items() if k != "problems"
    }
    assert "'duration' đang là 5 phút; thời lượng phải từ 10 đến 90 phút" in [
        p.message for p in vi_problems if p.code == "duration-range"
    ]


def test_environment_chooses_vietnamese(project: Project, monkeypatch: pytest.MonkeyPatch):
    both(project, "duration: 35", "duration: 5")
    for value in ("vi", "VI", "vi_VN.UTF-8"):
        monkeypatch.setenv("LESSONKIT_LANG", value)
        result = project.check()
        assert result.lines[-1] == "Đã kiểm tra 1 bài học: 2 lỗi, 0 cảnh báo" and result.err == "", value
    assert project.check("--lang", "en").lines[-1] == "1 module checked: 2 errors, 0 warnings"


def test_unknown_language_in_the_environment_falls_back_to_english(project: Project, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LESSONKIT_LANG", "vn")
    result = project.check()
    assert (result.rc, result.lines) == (0, ["1 module checked: 0 errors, 0 warnings"])
    assert result.err.splitlines() == [
        "lessonkit: warning: LESSONKIT_LANG='vn' is not one of en, vi: messages are in English",
        "lessonkit: warning: LESSONKIT_LANG='vn' không phải một trong en, vi: thông báo sẽ được in bằng tiếng Anh",
    ]


@pytest.mark.parametrize("command", [("check",), ("coverage",), ("new", "primary", "x")])
def test_unknown_lang_is_a_usage_error(project: Project, command):
    result = project.cli(*command, "--lang", "xx")
    assert result.rc == 2 and "invalid choice: 'xx'" in result.err and result.out == ""


def test_missing_path_in_vietnamese(project: Project):
    result = project.check("--lang", "vi", "lessons/nowhere")
    assert (result.rc, result.out) == (2, "")
    assert result.err == "lessonkit check: error: không tìm thấy tệp hay thư mục: lessons/nowhere\n"


def test_script_forwards_lang(project: Project):
    project.replace(VI, "duration: 35", "duration: 5")
    project.replace(EN, "duration: 35", "duration: 5")
    result = project.script("--lang", "vi")
    assert result.rc == 1, result.err
    assert result.out.splitlines()[-1] == "Đã kiểm tra 1 bài học: 2 lỗi, 0 cảnh báo"


def test_new_in_vietnamese(project: Project):
    result = project.cli("new", "primary", "ke-voi-ai", "--lang", "vi")
    assert (result.rc, result.err) == (0, "")
    assert result.out.strip() == (
        "đã tạo lessons/primary/ke-voi-ai/ (index.vi.md, index.en.md): hãy viết bài, "
        "rồi chạy 'lessonkit check --lang vi lessons/primary/ke-voi-ai'"
    )
    refused = project.cli("new", "primary", "demo", "--lang", "vi")
    assert (refused.rc, refused.err) == (2, "lessonkit new: error: mã bài 'demo' đã được dùng: lessons/primary/demo\n")


def test_coverage_in_vietnamese(project: Project):
    lines = project.cli("coverage", "--lang", "vi").out.splitlines()
    assert lines[0] == "1 bài học"
    assert lines[2] == "  Lớp  cấp học            vi   en  bài học"
    assert lines[-2] == "Lớp chưa có bài học ở đủ các thứ tiếng: 4, 5, 6, 7, 8, 9, 10, 11, 12"
    assert lines[-1] == "Chủ đề chưa có bài học ở đủ các thứ tiếng: safe-secrets, online-safety, job-offers"


def test_english_output_is_unchanged_by_the_option(project: Project):
    _break(project)
    assert project.check("--lang", "en").out == project.check().out
    assert project.check_json("--lang", "en").out == project.check_json().out
