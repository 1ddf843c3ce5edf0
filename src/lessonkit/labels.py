"""Labels of the pages the plugin writes (lesson card, catalogues, student pages, audience blocks).

One table for both languages; the quiz's own strings live in :mod:`lessonkit.quiz.strings`.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "teacher_block": "Dành cho giáo viên",
        "student_block": "Dành cho học sinh",
        "family_block": "Gửi gia đình",
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
        "sources": "Nguồn tham khảo",
        "banner": "Cần giúp đỡ? Hãy kể với người lớn tin cậy hoặc gọi {number} – {name}, miễn phí.",
        "banner_more": "Xem thêm",
        "package_readme": """BÀI HỌC PHÒNG, CHỐNG MUA BÁN NGƯỜI – BẢN DÙNG KHÔNG CẦN INTERNET

Cách mở:
1. Giải nén tệp {zip} (bấm chuột phải, chọn "Giải nén" hoặc "Extract All") vào máy tính hoặc vào USB.
2. Mở thư mục {folder} vừa giải nén.
3. Bấm đúp vào tệp index.html: trang web mở trong trình duyệt (Chrome, Edge, Firefox, Cốc Cốc).

Trang web chạy hoàn toàn trên máy, không cần mạng và không thu thập thông tin cá nhân nào. Có thể tìm kiếm,
đổi sang tiếng Anh, làm câu hỏi; kết quả làm bài chỉ lưu trong trình duyệt của máy đó.
Muốn in giáo án kèm đáp án: mở bài học rồi bấm Ctrl+P.

Kiểm tra tệp tải về còn nguyên vẹn: so mã SHA-256 của tệp {zip} với mã ghi trong tệp {zip}.sha256
(trên Linux hoặc macOS: sha256sum -c {zip}.sha256).""",
        "family_link": "Phiếu gửi gia đình",
        "family_title": "{title} – Phiếu gửi gia đình",
        "family_intro": "Kính gửi gia đình: hôm nay ở lớp, con đã học bài dưới đây. Mời bố mẹ dành hai phút đọc và cùng con trò chuyện.",
        "family_help": "Khi cần giúp đỡ",
        "family_print_hint": "Trang này in vừa một tờ A4 để giáo viên gửi về gia đình.",
        "catalogue_family": "Phiếu gửi gia đình",
        "gift_title": "Câu hỏi cho Moodle",
        "gift_intro": "Tất cả câu hỏi của cấp học này, dạng GIFT để nhập vào ngân hàng câu hỏi của Moodle:",
        "qr_label": "Quét mã để mở trang dành cho học sinh, hoặc gõ địa chỉ:",
        "qr_alt": "Mã QR của trang dành cho học sinh",
        "not_found_title": "Không tìm thấy trang",
        "not_found_intro": "Trang em tìm không có ở địa chỉ này. Có thể địa chỉ bị gõ nhầm, hoặc trang đã được chuyển đi.",
        "not_found_home": "Về trang chủ",
        "not_found_help": "Xem các số điện thoại hỗ trợ",
        "matrix_title": "Theo lớp và chủ đề",
        "matrix_intro": "Mỗi ô ghi số bài học của một chủ đề ở một lớp; ô có dấu – là chưa có bài.",
        "matrix_cell": "Lớp {grade}: {count} bài",
        "quiz_help": "Nếu em thấy lo lắng hay có điều gì làm em không an toàn, hãy kể với một người lớn tin cậy "
                     "(bố mẹ, thầy cô) hoặc gọi {number} – {name}. {note}",
    },
    "en": {
        "teacher_block": "For the teacher",
        "student_block": "For pupils",
        "family_block": "For families",
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
        "sources": "Sources",
        "banner": "Need help? Tell a trusted adult or call {number} – {name}, free of charge.",
        "banner_more": "More help",
        "package_readme": """LESSONS ON PREVENTING HUMAN TRAFFICKING – OFFLINE COPY

How to open it:
1. Unzip {zip} (right-click, then "Extract All") onto the computer or a USB stick.
2. Open the folder {folder}.
3. Double-click index.html: the site opens in the browser (Chrome, Edge, Firefox, Coc Coc).

The site runs entirely on this computer: it needs no internet and collects no personal data. Search, the
language switch and the quizzes work; quiz results stay in this computer's browser only.
To print a lesson plan with its answer key: open the lesson and press Ctrl+P.

To check the download is complete: compare the SHA-256 of {zip} with the one in {zip}.sha256
(on Linux or macOS: sha256sum -c {zip}.sha256).""",
        "family_link": "Family sheet",
        "family_title": "{title} – Family sheet",
        "family_intro": "Dear family: today at school your child had the lesson below. Please take two minutes to read it and talk it over together.",
        "family_help": "Who to call",
        "family_print_hint": "This page prints on one A4 sheet for teachers to send home.",
        "catalogue_family": "Family sheet",
        "gift_title": "Questions for Moodle",
        "gift_intro": "Every question of this level, in GIFT format for a Moodle question bank:",
        "qr_label": "Scan to open the pupils' page, or type the address:",
        "qr_alt": "QR code of the pupils' page",
        "not_found_title": "Page not found",
        "not_found_intro": "There is no page at this address. It may have been mistyped, or the page has moved.",
        "not_found_home": "Go to the home page",
        "not_found_help": "See the help numbers",
        "matrix_title": "By grade and topic",
        "matrix_intro": "Each cell gives the number of lessons on a topic for a grade; a cell with – has none yet.",
        "matrix_cell": "Grade {grade}: {count} lessons",
        "quiz_help": "If you feel worried, or something makes you feel unsafe, tell a trusted adult (a parent, "
                     "a teacher) or call {number} – {name}. {note}",
    },
}


def labels_for(lang: str) -> dict[str, str]:
    """The labels for ``lang``, falling back to Vietnamese (the default language)."""
    return LABELS.get(lang, LABELS["vi"])
