"""Lesson steps and labelled objectives (docs/reference.en.md#steps): every refusal, at its file and line,
with its message, exit 1 and no traceback; what the model gives the rest of the build.

Each test changes the valid demo module (four steps, 5 + 10 + 15 + 5 = 35 minutes, one of each kind, in
both languages) or a secondary module made from it, and asserts the exact problems.
"""

from __future__ import annotations

import pytest
from checkerlib import EN, VI, P, Project, expect, steps_sum

from lessonkit.model import load
from lessonkit.model.messages import msg

KINDS_VI = "'Mở đầu', 'Hình thành kiến thức mới', 'Luyện tập', 'Vận dụng'"
KINDS_EN = "'Opening', 'New knowledge', 'Practice', 'Application'"
ORDER_VI = "Mở đầu → Hình thành kiến thức mới → Luyện tập → Vận dụng"
ORDER_EN = "Opening → New knowledge → Practice → Application"
STEP3_VI = "### 3. Đóng vai: Em kể với người lớn (15 phút)"
STEP3_EN = "### 3. Role play: Telling a grown-up (15 minutes)"


def line(project: Project, rel: str, needle: str, nth: int = 1) -> int:
    return project.line(rel, needle, nth)


# --- the steps section ------------------------------------------------------------------------------


def test_the_demo_steps_are_read_in_both_languages(project):
    module = load(project.root).find("demo")
    assert module is not None
    vi, en = module.steps("vi"), module.steps("en")
    assert [s.number for s in vi] == [1, 2, 3, 4] == [s.number for s in en]
    assert [s.minutes for s in vi] == [5, 10, 15, 5] == [s.minutes for s in en]
    assert [s.kind for s in vi] == ["mo-dau", "kien-thuc", "luyen-tap", "van-dung"] == [s.kind for s in en]
    assert vi[2].title == "Đóng vai: Em kể với người lớn" and vi[2].heading == "3. Đóng vai: Em kể với người lớn"
    assert vi[2].line == line(project, VI, STEP3_VI) and vi[2].block_line == vi[2].line + 2
    assert vi[0].aim == "HS nhớ lại những người lớn hay giúp em."
    assert en[3].product == "Each pupil writes three trusted adults on a drawing of their hand."
    assert module.steps("fr") == ()


def test_a_step_body_gives_its_markdown_and_blocks(project):
    project.replace(
        EN,
        "Aim: Pupils practise telling a trusted adult.\nProduct: Each pair acts out telling a grown-up.\n///\n",
        "Aim: Pupils practise telling a trusted adult.\nProduct: Each pair acts out telling a grown-up.\n///\n\n"
        "Pairs act it out.\n\n/// teacher\nWalk round and listen.\n///\n\n/// student\n- Tell a grown-up.\n///\n",
    )
    expect(project)
    page = load(project.root).find("demo").files["en"]  # type: ignore[union-attr]
    step = page.steps[2]
    source = page.step_markdown(step)
    assert source.startswith("Pairs act it out.") and "/// step" not in source and "/// teacher" in source
    assert page.step_markdown(step, with_block=True).startswith("/// step | Practice\nAim:")
    assert [b.name for b in page.step_blocks(step)] == ["teacher", "student"]
    assert page.step_blocks(page.steps[0]) == []


@pytest.mark.parametrize(
    "written, hint",
    [
        ("## Các bước", ""),
        (
            "## Tien trinh bai hoc",
            " (the heading 'Tien trinh bai hoc' at line {line} looks like it: write it exactly so)",
        ),
        ("## Lesson steps", " (the heading 'Lesson steps' at line {line} looks like it: write it exactly so)"),
    ],
)
def test_no_steps_section(project, written, hint):
    project.replace(VI, "## Tiến trình bài học", written)
    found = line(project, VI, written)
    message = (
        "no steps section: write the steps as '### 1. Title (5 phút)' headings under '## Tiến trình bài học'"
        + hint.format(line=found)
    )
    expect(project, P(VI, found if hint else 1, "error", "steps-missing", message))


def test_a_second_steps_section(project):
    project.replace(VI, "/// family", "## Tiến trình bài học\n\nThêm.\n\n/// family")
    first, second = line(project, VI, "## Tiến trình bài học"), line(project, VI, "## Tiến trình bài học", 2)
    message = f"a second '## Tiến trình bài học' section (the first is at line {first}): a lesson has one"
    expect(project, P(VI, second, "error", "steps-twice", message))


def test_headings_in_code_or_blocks_are_not_steps(project):
    project.replace(
        VI,
        "## Tiến trình bài học\n",
        "## Tiến trình bài học\n\n```markdown\n### 9. Ví dụ (99 phút)\n```\n\n/// teacher\n### Ghi chú\n///\n",
    )
    expect(project)


# --- step headings -----------------------------------------------------------------------------------


def test_a_step_without_a_number(project):
    project.replace(VI, STEP3_VI, "### Đóng vai: Em kể với người lớn (15 phút)")
    message = "step 3 has no number: write its heading '### 3. Đóng vai: Em kể với người lớn (5 phút)'"
    expect(project, P(VI, line(project, VI, "### Đóng vai"), "error", "step-heading", message))


def test_steps_numbered_out_of_order(project):
    project.replace(EN, STEP3_EN, STEP3_EN.replace("### 3.", "### 4."))
    message = "this step is numbered 4 but it is step 3: number the steps 1, 2, 3… in order"
    expect(project, P(EN, line(project, EN, "### 4. Role play"), "error", "step-heading", message))


def test_a_step_without_minutes(project):
    project.replace(EN, STEP3_EN, "### 3. Role play: Telling a grown-up")
    message = "step 3 has no minutes: end its heading with the minutes in brackets, e.g. '(5 minutes)'"
    expect(project, P(EN, line(project, EN, "### 3. Role play"), "error", "step-heading", message))


@pytest.mark.parametrize(
    "rel, old, new, message",
    [
        (VI, "(10 phút)", "(10 phut)", "write its minutes '(10 phút)' in the Vietnamese file, not '(10 phut)'"),
        (VI, "(10 phút)", "(10 minutes)", "write its minutes '(10 phút)' in the Vietnamese file, not '(10 minutes)'"),
        (VI, "(10 phút)", "(10)", "write its minutes '(10 phút)' in the Vietnamese file, not '(10)'"),
        (EN, "(10 minutes)", "(10 min)", "write its minutes '(10 minutes)' in the English file, not '(10 min)'"),
        (EN, "(10 minutes)", "(10')", "write its minutes '(10 minutes)' in the English file, not '(10')'"),
    ],
)
def test_minutes_in_the_wrong_unit(project, rel, old, new, message):
    project.replace(rel, old, new)
    expect(project, P(rel, line(project, rel, "### 2."), "error", "step-heading", "step 2: " + message))


@pytest.mark.parametrize("written", ["2,5 phút", "0 phút", "2.5 phút"])
def test_minutes_that_are_not_whole(project, written):
    project.replace(VI, "(10 phút)", f"({written})")
    message = f"step 2: '({written})' is not a whole number of minutes, 1 or more"
    expect(project, P(VI, line(project, VI, "### 2."), "error", "step-heading", message))


def test_a_step_with_only_a_number_and_minutes(project):
    project.replace(VI, STEP3_VI, "### 3. (15 phút)")
    message = "step 3 has no title between its number and its minutes"
    expect(project, P(VI, line(project, VI, "### 3. (15"), "error", "step-heading", message))


def test_english_minute_in_the_singular_is_fine(project):
    project.replace(EN, "(5 minutes)", "(1 minute)")
    project.replace(VI, "### 1. Khởi động: Ai giúp em? (5 phút)", "### 1. Khởi động: Ai giúp em? (1 phút)")
    project.replace(EN, "(10 minutes)", "(14 minutes)")  # still one 35-minute period
    project.replace(VI, "(10 phút)", "(14 phút)")
    expect(project)


# --- the lesson as a whole ---------------------------------------------------------------------------


def test_fewer_than_two_steps(project):
    for rel, first in (
        (VI, "### 1. Khởi động"),
        (EN, "### 1. Warm-up"),
    ):
        text = project.read(rel)
        start = text.index(first)
        end = text.index("/// family")
        step = (
            text[start : text.index("### 2.", start)]
            .replace("(5 phút)", "(35 phút)")
            .replace("(5 minutes)", "(35 minutes)")
        )
        project.write(rel, text[:start] + step + text[end:])
    problems = []
    for rel, section, kinds, order in (
        (VI, "## Tiến trình bài học", ("Hình thành kiến thức mới", "Luyện tập", "Vận dụng"), ORDER_VI),
        (EN, "## Lesson steps", ("New knowledge", "Practice", "Application"), ORDER_EN),
    ):
        at = line(project, rel, section)
        problems.append(P(rel, at, "error", "steps-count", "1 step: a lesson has at least 2"))
        for kind in kinds:
            message = f"no step is '{kind}': every lesson has each kind of activity at least once ({order})"
            problems.append(P(rel, at, "error", "step-kinds", message))
    expect(project, *problems)


def test_minutes_that_do_not_add_up_and_differ_between_languages(project):
    project.replace(VI, STEP3_VI, STEP3_VI.replace("(15 phút)", "(20 phút)"))
    vi_line = line(project, VI, "### 3.")
    expect(
        project,
        P(VI, line(project, VI, "## Tiến trình bài học"), "error", "steps-minutes", steps_sum(40, 35, 7)),
        P(
            EN,
            line(project, EN, "### 3."),
            "error",
            "translation-steps",
            f"step 3 has 15 minutes here but 20 in {VI} (line {vi_line}): both languages must agree",
        ),
    )


def test_languages_with_a_different_number_of_steps(project):
    split = (
        "### 3. Role play: Telling a grown-up (10 minutes)\n\n/// step | Practice\nAim: Pupils practise telling.\n"
        "Product: Each pair acts it out.\n///\n\n### 4. Role play again (5 minutes)"
    )
    project.replace(EN, STEP3_EN, split)
    project.replace(EN, "### 4. Wrap-up", "### 5. Wrap-up")
    message = f"5 steps here but 4 in {VI}: both languages must agree"
    expect(project, P(EN, line(project, EN, "## Lesson steps"), "error", "translation-steps", message))


def test_languages_with_a_different_kind(project):
    project.replace(EN, "/// step | Practice", "/// step | New knowledge")
    vi_block = line(project, VI, "/// step | Luyện tập")
    en_block = line(project, EN, "/// step | New knowledge", 2)
    expect(
        project,
        P(
            EN,
            en_block,
            "error",
            "translation-steps",
            f"step 3 is 'New knowledge' here but 'Luyện tập' in {VI} (line {vi_block}): both languages must have the "
            "same kind",
        ),
        P(
            EN,
            line(project, EN, "## Lesson steps"),
            "error",
            "step-kinds",
            f"no step is 'Practice': every lesson has each kind of activity at least once ({ORDER_EN})",
        ),
    )


def test_kinds_out_of_the_ministrys_order(project):
    project.replace(VI, "/// step | Hình thành kiến thức mới", "/// step | Luyện tập")
    project.replace(
        VI, "/// step | Luyện tập\nMục tiêu: HS luyện", "/// step | Hình thành kiến thức mới\nMục tiêu: HS luyện"
    )
    project.replace(EN, "/// step | New knowledge", "/// step | Practice")
    project.replace(EN, "/// step | Practice\nAim: Pupils practise", "/// step | New knowledge\nAim: Pupils practise")
    expect(
        project,
        P(
            VI,
            line(project, VI, "/// step | Hình thành kiến thức mới"),
            "error",
            "step-kinds",
            f"step 3 is 'Hình thành kiến thức mới' after a 'Luyện tập' step: the kinds follow the order {ORDER_VI} and "
            "never go back",
        ),
        P(
            EN,
            line(project, EN, "/// step | New knowledge"),
            "error",
            "step-kinds",
            f"step 3 is 'New knowledge' after a 'Practice' step: the kinds follow the order {ORDER_EN} and never go "
            "back",
        ),
    )


def test_a_kind_missing(project):
    project.replace(VI, "/// step | Vận dụng", "/// step | luyen-tap")
    project.replace(EN, "/// step | Application", "/// step | luyen-tap")
    expect(
        project,
        P(
            VI,
            line(project, VI, "## Tiến trình bài học"),
            "error",
            "step-kinds",
            f"no step is 'Vận dụng': every lesson has each kind of activity at least once ({ORDER_VI})",
        ),
        P(
            EN,
            line(project, EN, "## Lesson steps"),
            "error",
            "step-kinds",
            f"no step is 'Application': every lesson has each kind of activity at least once ({ORDER_EN})",
        ),
    )


def test_kinds_written_as_keys_in_either_language(project):
    for rel, old in ((VI, "Mở đầu"), (EN, "Opening")):
        project.replace(rel, f"/// step | {old}", "/// step | mo-dau")
    project.replace(EN, "/// step | Practice", "/// step | PRACTICE")
    expect(project)
    assert load(project.root).find("demo").steps("en")[0].kind == "mo-dau"  # type: ignore[union-attr]


# --- the step block ----------------------------------------------------------------------------------


def test_a_step_without_its_block(project):
    project.replace(
        VI,
        "/// step | Hình thành kiến thức mới\nMục tiêu: HS biết khi nào cần kể với người lớn tin cậy.\n"
        "Sản phẩm: HS nói được vì sao Huy nên kể với bà.\n///\n",
        "",
    )
    message = (
        "step 2 has no 'step' block: right under its heading, write '/// step |' with its kind of activity "
        f"({KINDS_VI}), then the lines 'Mục tiêu: …' and 'Sản phẩm: …', then '///'"
    )
    expect(project, P(VI, line(project, VI, "### 2."), "error", "step-block", message))


def test_a_block_after_other_text(project):
    project.replace(EN, STEP3_EN + "\n", STEP3_EN + "\n\nPairs act it out.\n")
    message = (
        f"the 'step' block of step 3 must come right under its heading (line {line(project, EN, '### 3.')}), "
        "before anything else"
    )
    expect(project, P(EN, line(project, EN, "/// step | Practice"), "error", "step-block", message))


def test_two_blocks_in_one_step(project):
    block = "/// step | Luyện tập\nMục tiêu: HS luyện cách kể với người lớn tin cậy.\n"
    project.replace(VI, block, "/// step | Luyện tập\nMục tiêu: Một.\nSản phẩm: Một.\n///\n\n" + block)
    first = line(project, VI, "/// step | Luyện tập")
    message = f"step 3 already has a 'step' block (line {first}): one per step"
    expect(project, P(VI, line(project, VI, "/// step | Luyện tập", 2), "error", "step-block", message))


@pytest.mark.parametrize("where", ["activity section", "teacher block"])
def test_a_block_outside_a_step(project, where):
    block = "/// step | Luyện tập\nMục tiêu: Một.\nSản phẩm: Một.\n///\n"
    if where == "activity section":
        project.replace(VI, "## Hoạt động\n", "## Hoạt động\n\n" + block)
    else:
        project.replace(VI, "Hỏi cả lớp: vì sao Huy thấy lo?\n", "Hỏi cả lớp: vì sao Huy thấy lo?\n\n" + block)
    message = "a 'step' block belongs right under a step's heading in '## Tiến trình bài học', not here"
    expect(project, P(VI, line(project, VI, "/// step | Luyện tập"), "error", "step-block", message))


@pytest.mark.parametrize(
    "rel, old, new, message",
    [
        (
            VI,
            "/// step | Mở đầu",
            "/// step",
            f"the 'step' block needs its kind of activity after '|': one of {KINDS_VI}",
        ),
        (
            VI,
            "/// step | Mở đầu",
            "/// step | Mo dau",
            f"unknown kind of activity 'Mo dau' (did you mean 'Mở đầu'?): one of {KINDS_VI}",
        ),
        (
            VI,
            "/// step | Mở đầu",
            "/// step | Opening",
            f"unknown kind of activity 'Opening' (did you mean 'Mở đầu'?): one of {KINDS_VI}",
        ),
        (
            EN,
            "/// step | Opening",
            "/// step | Warm-up",
            f"unknown kind of activity 'Warm-up': one of {KINDS_EN}",
        ),
    ],
)
def test_a_missing_or_unknown_kind(project, rel, old, new, message):
    project.replace(rel, old, new)
    expect(project, P(rel, line(project, rel, new), "error", "step-block", message))


def test_a_misspelt_or_foreign_label(project):
    project.replace(VI, "Mục tiêu: HS nhớ lại", "Muc tieu: HS nhớ lại")
    project.replace(EN, "Product: Each pupil names", "Sản phẩm: Each pupil names")
    vi_label = line(project, VI, "Muc tieu:")
    vi_block = vi_label - 1
    en_label = line(project, EN, "Sản phẩm: Each pupil")
    expect(
        project,
        P(
            VI,
            vi_label,
            "error",
            "step-block",
            "unknown line 'Muc tieu:' in the 'step' block (did you mean 'Mục tiêu:'?): it holds only the lines "
            "'Mục tiêu: …' and 'Sản phẩm: …'",
        ),
        P(
            VI,
            vi_block,
            "error",
            "step-block",
            "the 'step' block has no 'Mục tiêu:' sentence: write what pupils learn or practise in this step",
        ),
        P(
            EN,
            en_label,
            "error",
            "step-block",
            "unknown line 'Sản phẩm:' in the 'step' block (did you mean 'Product:'?): it holds only the lines "
            "'Aim: …' and 'Product: …'",
        ),
        P(
            EN,
            en_label - 2,
            "error",
            "step-block",
            "the 'step' block has no 'Product:' sentence: write what pupils produce or can do at the end of the step",
        ),
    )


def test_an_empty_aim_and_a_missing_product(project):
    project.replace(
        EN,
        "Aim: Pupils recall the grown-ups who help them.\nProduct: Each pupil names one adult they trust.\n",
        "Aim:\n",
    )
    block = line(project, EN, "/// step | Opening")
    expect(
        project,
        P(
            EN,
            block,
            "error",
            "step-block",
            "the 'step' block has no 'Aim:' sentence: write what pupils learn or practise in this step",
        ),
        P(
            EN,
            block,
            "error",
            "step-block",
            "the 'step' block has no 'Product:' sentence: write what pupils produce or can do at the end of the step",
        ),
    )


def test_a_sentence_may_wrap_over_lines(project):
    project.replace(EN, "Aim: Pupils recall the grown-ups", "Aim: Pupils recall\nthe grown-ups")
    expect(project)
    assert load(project.root).find("demo").steps("en")[0].aim == "Pupils recall the grown-ups who help them."  # type: ignore[union-attr]


def test_text_before_the_aim_and_a_label_twice(project):
    project.replace(EN, "/// step | Opening\nAim:", "/// step | Opening\nWarm-up game.\nAim:")
    project.replace(EN, "Product: Each pupil names one adult they trust.\n", "Product: One.\nProduct: Two.\n")
    expect(
        project,
        P(
            EN,
            line(project, EN, "Warm-up game."),
            "error",
            "step-block",
            "text before 'Aim:' in the 'step' block: it holds only the lines 'Aim: …' and 'Product: …'",
        ),
        P(
            EN,
            line(project, EN, "Product: Two."),
            "error",
            "step-block",
            "'Product:' is written twice in this 'step' block",
        ),
    )


def test_indented_lines_are_not_options(project):
    project.replace(EN, "/// step | Opening\nAim:", "/// step | Opening\n    Aim:")
    message = "the 'step' block takes no options: write its 'Aim:' and 'Product:' lines without indenting them"
    expect(
        project,
        P(EN, line(project, EN, "    Aim:"), "error", "step-block", message),
        P(
            EN,
            line(project, EN, "/// step | Opening"),
            "error",
            "step-block",
            "the 'step' block has no 'Aim:' sentence: write what pupils learn or practise in this step",
        ),
    )


def test_a_block_inside_the_step_block(project):
    project.replace(
        EN, "Product: Each pupil names one adult they trust.\n", "Product: Each pupil names one.\n/// teacher\nx\n///\n"
    )
    expect(
        project,
        P(EN, line(project, EN, "/// teacher", 2), "error", "step-block", "a 'step' block cannot contain other blocks"),
    )


def test_messages_in_vietnamese(project):
    project.replace(VI, "(10 phút)", "(10 phut)")
    result = project.check("--lang", "vi")
    at = line(project, VI, "### 2.")
    assert (
        f"{VI}:{at}: error: bước 2: trong tệp tiếng Việt, ghi thời gian là '(10 phút)', không phải '(10 phut)'"
        in result.lines
    )
    assert result.rc == 1


# --- labelled objectives of secondary modules --------------------------------------------------------

SECONDARY = ("lower-secondary", "upper-secondary")


@pytest.mark.parametrize("level", SECONDARY)
def test_a_secondary_module_with_labelled_objectives_is_clean(project, level):
    folder = project.add_module(level, "older")
    expect(project)
    page = load(project.root).find("older").files["vi"]  # type: ignore[union-attr]
    assert [o.kind for o in page.objectives] == ["knowledge", "competence", "qualities"]
    assert page.objectives[0].text == "Kể tên được ít nhất ba người lớn tin cậy ở nhà và ở trường."
    assert folder.endswith("older")


def test_primary_objectives_need_no_label(project):
    page = load(project.root).find("demo").files["en"]  # type: ignore[union-attr]
    assert [o.kind for o in page.objectives] == [None, None]


def test_an_unlabelled_objective_with_a_did_you_mean(project):
    rel = project.add_module("lower-secondary", "older") + "/index.vi.md"
    project.replace(rel, '"Kiến thức: Kể tên', '"Kien thuc: Kể tên')
    project.replace(rel, '"Phẩm chất: Quan tâm', '"Quan tâm')
    labels = "'Kiến thức:', 'Năng lực:', 'Phẩm chất:'"
    expect(
        project,
        P(
            rel,
            line(project, rel, "Kien thuc"),
            "error",
            "objective-label",
            f"objective 1 has no label: start it with one of {labels} (lesson plans at lower-secondary level group "
            "objectives by them) (did you mean 'Kiến thức:'?)",
        ),
        P(
            rel,
            line(project, rel, '"Quan tâm'),
            "error",
            "objective-label",
            f"objective 3 has no label: start it with one of {labels} (lesson plans at lower-secondary level group "
            "objectives by them)",
        ),
    )


def test_objectives_out_of_order_and_a_label_missing(project):
    rel = project.add_module("upper-secondary", "older") + "/index.en.md"
    project.replace(rel, '"Knowledge: Name', '"Competence: Name')
    expect(
        project,
        P(
            rel,
            line(project, rel, "objectives:"),
            "error",
            "objective-label",
            "no objective is labelled 'Knowledge': every upper-secondary module has at least one of each "
            "(Knowledge → Competence → Qualities)",
        ),
        P(
            rel,
            line(project, rel, '"Competence: Name'),
            "error",
            "translation-objectives",
            "objective 1 is labelled 'Competence' here but 'Kiến thức' in lessons/upper-secondary/older/index.vi.md: "
            "both languages must label them alike",
        ),
    )


def test_objectives_in_the_wrong_order(project):
    rel = project.add_module("lower-secondary", "older") + "/index.en.md"
    project.replace(rel, '"Qualities: Care', '"Knowledge: Care')
    expect(
        project,
        P(
            rel,
            line(project, rel, "objectives:"),
            "error",
            "objective-label",
            "no objective is labelled 'Qualities': every lower-secondary module has at least one of each "
            "(Knowledge → Competence → Qualities)",
        ),
        P(
            rel,
            line(project, rel, '"Knowledge: Care'),
            "error",
            "objective-label",
            "objective 3 is 'Knowledge' after a 'Competence' one: list the objectives in the order "
            "Knowledge → Competence → Qualities",
        ),
        P(
            rel,
            line(project, rel, '"Knowledge: Care'),
            "error",
            "translation-objectives",
            "objective 3 is labelled 'Knowledge' here but 'Phẩm chất' in lessons/lower-secondary/older/index.vi.md: "
            "both languages must label them alike",
        ),
    )


def test_a_level_with_an_unknown_lesson_plan(project):
    project.replace("lessons/curriculum.yml", "lesson_plan: primary", "lesson_plan: primery")
    found = line(project, "lessons/curriculum.yml", "lesson_plan: primery")
    message = "level 'primary': lesson_plan must be one of primary, secondary"
    result = project.check()
    assert f"lessons/curriculum.yml:{found}: error: {message}" in result.lines and result.rc == 1
    assert (
        msg("curriculum-lesson-plan", what=msg("what.level", key="primary"), plans="primary, secondary").text()
        == message
    )
