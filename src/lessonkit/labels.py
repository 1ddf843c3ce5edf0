"""Labels of the pages the plugin writes (lesson card, catalogues, student pages, audience blocks).

One table for both languages; the quiz's own strings live in :mod:`lessonkit.quiz.strings`.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "teacher_block": "Dành cho giáo viên",
        "student_block": "Dành cho học sinh",
        "card_title": "Thông tin bài học",
        "level": "Cấp học",
        "grades": "Lớp",
        "ages": "Độ tuổi",
        "ages_value": "{low}–{high} tuổi",
        "duration": "Thời lượng",
        "duration_value": "{minutes} phút",
        "subjects": "Môn học, hoạt động",
        "topics": "Chủ đề",
        "objectives": "Mục tiêu",
        "student_link": "Trang dành cho học sinh (thông điệp chính và câu hỏi)",
        "lesson_link": "Xem giáo án đầy đủ dành cho giáo viên",
        "print_hint": "Khi in, trang này in kèm đáp án cho giáo viên.",
        "student_title": "{title} – Phiếu học tập",
        "student_intro": "Em hãy đọc các thông điệp chính, rồi trả lời từng câu hỏi: chọn đáp án và bấm **Kiểm tra**.",
        "student_print_hint": "Khi in, trang này thành phiếu học tập không có đáp án.",
        "catalogue_intro": "Có {count} bài học. Mỗi bài có giáo án cho giáo viên và một trang dành cho học sinh.",
        "catalogue_empty": "Cấp học này chưa có bài học nào.",
        "catalogue_lesson": "Giáo án",
        "catalogue_student": "Trang học sinh",
        "hotline_number": "Số điện thoại",
        "hotline_name": "Đơn vị",
        "hotline_note": "Khi nào gọi",
        "trusted_adults": "Người lớn tin cậy ở trường và ở nhà",
        "report_to": "Nơi báo tin",
        "source": "Nguồn",
        "overview_title": "Tổng quan chương trình",
        "overview_description": "Các bài học theo lớp và theo chủ đề: lớp nào, chủ đề nào đã có bài.",
        "overview_intro": "Có {count} bài học, mỗi bài có bản tiếng Việt và tiếng Anh. Danh mục cho máy đọc: tệp catalogue.json ở thư mục gốc của trang.",
        "by_grade": "Theo lớp",
        "by_topic": "Theo chủ đề",
        "count": "Số bài",
        "lessons": "Bài học",
        "none_yet": "chưa có bài",
        "quiz_help": "Nếu em thấy lo lắng hay có điều gì làm em không an toàn, hãy kể với một người lớn tin cậy "
                     "(bố mẹ, thầy cô) hoặc gọi {number} – {name}. {note}",
    },
    "en": {
        "teacher_block": "For the teacher",
        "student_block": "For pupils",
        "card_title": "About this lesson",
        "level": "School level",
        "grades": "Grades",
        "ages": "Ages",
        "ages_value": "{low}–{high} years",
        "duration": "Class time",
        "duration_value": "{minutes} minutes",
        "subjects": "Subjects and activities",
        "topics": "Topics",
        "objectives": "Objectives",
        "student_link": "Pupils' page (key messages and quiz)",
        "lesson_link": "See the full lesson plan for teachers",
        "print_hint": "When printed, this page includes the answer key for the teacher.",
        "student_title": "{title} – Worksheet",
        "student_intro": "Read the key messages, then answer each question: choose an answer and press **Check**.",
        "student_print_hint": "When printed, this page becomes a worksheet without answers.",
        "catalogue_intro": "{count} lessons. Each has a lesson plan for the teacher and a page for pupils.",
        "catalogue_empty": "There are no lessons for this level yet.",
        "catalogue_lesson": "Lesson plan",
        "catalogue_student": "Pupils' page",
        "hotline_number": "Number",
        "hotline_name": "Service",
        "hotline_note": "When to call",
        "trusted_adults": "Trusted adults at school and at home",
        "report_to": "Where to report",
        "source": "Source",
        "overview_title": "Curriculum overview",
        "overview_description": "The lessons by grade and by topic: which grades and topics already have lessons.",
        "overview_intro": "{count} lessons, each in Vietnamese and English. A catalogue for machines: the file catalogue.json at the root of the site.",
        "by_grade": "By grade",
        "by_topic": "By topic",
        "count": "Lessons",
        "lessons": "Lessons",
        "none_yet": "none yet",
        "quiz_help": "If you feel worried, or something makes you feel unsafe, tell a trusted adult (a parent, "
                     "a teacher) or call {number} – {name}. {note}",
    },
}


def labels_for(lang: str) -> dict[str, str]:
    """The labels for ``lang``, falling back to Vietnamese (the default language)."""
    return LABELS.get(lang, LABELS["vi"])
