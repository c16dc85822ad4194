# Trợ lý Chi bộ: mọi câu người dùng đọc được đều nằm ở đây.
# Số truyền vào dạng số được định dạng kiểu Việt Nam (1.000); tháng/năm truyền vào dạng chuỗi.

## Khởi động (dành cho người cài đặt)
config-missing = Không khởi động được: thiếu biến môi trường { $name }. Xem mục "Cấu hình" trong README.
config-invalid = Không khởi động được: biến môi trường { $name } không hợp lệ. { $hint }
config-hint-BOT_TOKEN = Mã bot có dạng 123456789:ABC..., lấy từ @BotFather.
config-hint-ADMIN_IDS = Ghi các mã số Telegram của quản trị viên, cách nhau bằng dấu phẩy, ví dụ 11111111,22222222.
config-hint-DATABASE_URL = Dùng file:./data/tro-ly-chi-bo.db (SQLite) hoặc postgresql://...
config-hint-TELEGRAM_API_ROOT = Phải là một địa chỉ http(s)://...
config-hint-TZ = Dùng tên múi giờ IANA, ví dụ Asia/Ho_Chi_Minh.
config-hint-LOG_LEVEL = Chọn một trong: fatal, error, warn, info, debug, trace, silent.
config-hint-WEBHOOK_URL = Phải là địa chỉ https://... mà Telegram gọi tới, ví dụ https://bot.example.vn/telegram.
config-hint-WEBHOOK_SECRET = Chỉ gồm chữ cái không dấu, chữ số, dấu _ hoặc -, dài 1–256 ký tự.
config-hint-PORT = Là số cổng từ 1 đến 65535, ví dụ 8080.
config-hint-DELETE_WEBHOOK = Là 1 (gỡ webhook đang đặt để chạy bằng long polling) hoặc 0.
config-hint-TELEGRAM_START_SECONDS = Là số giây từ 1 đến 3600, ví dụ 60.
startup-db-failed = Không khởi động được: không mở được cơ sở dữ liệu { $database ->
        [postgresql] PostgreSQL
       *[sqlite] SQLite
    }: { $problem ->
        [not-writable] không ghi được vào thư mục { $place }
        [directory] { $place } là một thư mục, không phải tệp cơ sở dữ liệu
        [not-a-folder] { $place } là một tệp, không phải thư mục
        [read-only-file] tệp { $place } chỉ cho phép đọc
        [not-a-database] tệp { $place } không phải tệp SQLite
        [unreachable] không kết nối được máy chủ { $place }
        [no-database] máy chủ không có cơ sở dữ liệu tên { $place }
        [auth] máy chủ { $place } từ chối tên đăng nhập hoặc mật khẩu
       *[other] { $detail }
    }. Kiểm tra DATABASE_URL.
startup-telegram-unreachable = Không khởi động được: không kết nối được Telegram tại { $root } sau { $seconds } giây ({ $problem ->
        [dns] không tìm thấy tên máy chủ
        [refused] máy chủ từ chối kết nối
        [timeout] máy chủ không trả lời
        [reset] kết nối bị ngắt giữa chừng
        [status] Telegram trả lỗi { $detail }
        [not-bot-api] địa chỉ này không phải Bot API của Telegram
       *[other] lỗi { $detail }
    }). Kiểm tra mạng của máy chạy bot và biến TELEGRAM_API_ROOT.
startup-telegram-refused = Không khởi động được: Telegram tại { $root } từ chối yêu cầu (lỗi { $status }: { $description }). Kiểm tra biến TELEGRAM_API_ROOT.
startup-token-refused = Không khởi động được: Telegram từ chối mã bot (BOT_TOKEN). Mã sai hoặc đã bị thu hồi: lấy mã đúng từ @BotFather (lệnh /mybots, mục API Token).
startup-failed = Không khởi động được: { $detail }
startup-webhook-set = Không khởi động được bằng long polling: Telegram đang gửi tin của bot này tới webhook tại { $host } (có thể một bản bot khác đang chạy bằng webhook). Muốn chạy cùng bản đó, đặt WEBHOOK_URL như bản đó; muốn chuyển hẳn sang long polling (bản kia sẽ không nhận tin nữa), chạy lại với DELETE_WEBHOOK=1.
startup-running = Bot đang chạy: @{ $username }, nhận tin bằng { $mode ->
        [webhook] webhook
       *[polling] long polling
    }, cơ sở dữ liệu { $database ->
        [postgresql] PostgreSQL
       *[sqlite] SQLite
    } ({ $place }).
polling-conflict = Bot dừng: Telegram báo một tiến trình khác đang chạy bot này (cùng mã bot, lỗi 409). Chỉ một bản bot được nhận tin bằng long polling; muốn chạy nhiều bản, dùng webhook (xem README).
polling-token-refused = Bot dừng: Telegram không nhận mã bot (BOT_TOKEN) nữa, có thể mã đã bị thu hồi. Lấy mã mới từ @BotFather rồi khởi động lại.
polling-failed = Bot dừng: không nhận được tin từ Telegram ({ $detail }).

## Chung
refuse-no-role =
    Xin chào! Trợ lý Chi bộ chỉ phục vụ bí thư chi bộ và cấp ủy viên đã được mời.
    Nếu đồng chí là bí thư chi bộ, xin đồng chí đề nghị quản trị viên gửi đường link mời.
    Mã Telegram của đồng chí: { $id } (gửi mã này cho quản trị viên).
refuse-admin-only = Lệnh này chỉ dành cho quản trị viên.
refuse-secretary-only = Lệnh này dành cho bí thư chi bộ. Đồng chí chưa được giao chi bộ nào.
error-generic = Xin lỗi, có lỗi xảy ra khi xử lý. Đồng chí vui lòng thử lại sau ít phút.
error-form-ended = Xin lỗi, có lỗi xảy ra khi xử lý nên biểu mẫu đang điền phải đóng lại; các câu trả lời đang điền dở không giữ được. Đồng chí vui lòng gõ lại lệnh để làm lại sau ít phút.
unknown-input = Trợ lý chưa hiểu ý đồng chí. Gõ /trogiup để xem các lệnh.
stale-button = Nút này thuộc một biểu mẫu đã đóng. Gõ lại lệnh để bắt đầu lại; /trogiup liệt kê các lệnh của đồng chí.
form-from-older-version = Trợ lý vừa được cập nhật, các câu hỏi đã thay đổi, nên biểu mẫu đồng chí đang điền dở đã đóng; những câu đã trả lời trong đó chưa được lưu. Xin đồng chí gõ lại lệnh (ví dụ /baocao) để điền lại từ đầu.
cancel-done = Đã hủy. Những gì đang nhập dở không được lưu.
cancel-nothing = Không có biểu mẫu nào đang mở.

## Trợ giúp
help-title = Trợ lý Chi bộ: các lệnh đồng chí dùng được
help-title-secretary = Bí thư chi bộ:
help-secretary-baocao = /baocao: báo cáo phát triển đảng viên tháng
help-secretary-bienban = /bienban: ghi biên bản sinh hoạt chi bộ
help-secretary-xembienban = /xembienban [tháng/năm]: biên bản, gửi lại tệp
help-secretary-tiendo = /tiendo: tiến độ báo cáo, sinh hoạt trong năm
help-secretary-yeucau = /yeucau: yêu cầu báo cáo gửi đến chi bộ
help-secretary-uyquyen = /uyquyen: ủy quyền cho phó bí thư; huy: nhận lại
help-secretary-nghi = /nghi <từ ngày> <đến ngày>: báo nghỉ; huy: hủy
help-title-deputy = Phó bí thư chi bộ:
help-deputy-baocao = /baocao: gửi báo cáo khi bí thư ủy quyền, nghỉ
help-deputy-bienban = /bienban: ghi biên bản khi bí thư ủy quyền, nghỉ
help-deputy-xembienban = /xembienban [tháng/năm]: xem biên bản
help-deputy-tiendo = /tiendo: tiến độ báo cáo, sinh hoạt trong năm
help-deputy-yeucau = /yeucau: yêu cầu báo cáo gửi đến chi bộ
help-title-committee = Cấp ủy viên:
help-committee-choduyet = /choduyet: duyệt báo cáo, biên bản
help-committee-xembienban = /xembienban <mã chi bộ> [tháng/năm]: biên bản
help-committee-tonghop = /tonghop [mã] [tháng/năm]: tổng hợp
help-committee-xuat = /xuat [mã] [năm|tháng/năm]: tệp Excel
help-committee-tiendo = /tiendo <mã chi bộ>: tiến độ năm
help-committee-chitieu = /chitieu <mã>: xem chỉ tiêu năm nay
help-committee-tinhtong = /tinhtong <mã> [daduyet|tatca]: cách tính tổng
help-committee-caidat = /caidat <mã> [tên hiện|ẩn]: tên ở nhóm
help-committee-caidat-deadline = /caidat <mã> han <ngày> [cungthang]|xoa: hạn nộp
help-committee-yeucau = /yeucau: yêu cầu báo cáo theo hạn, nhắc, xuất
help-title-admin = Quản trị viên:
help-admin-themdonvi = /themdonvi <mã> <cấp trên|-> <tên>: thêm đảng ủy
help-admin-themchibo = /themchibo <mã> <cấp trên> <tên>: thêm chi bộ
help-admin-donvi = /donvi: cây tổ chức, bí thư từng chi bộ
help-admin-moi = /moi <mã> [vai trò] [thaythe]: link mời
help-admin-thanhvien = /thanhvien <mã>: người của đơn vị, bỏ vai trò
help-admin-chitieu = /chitieu <mã> <năm> <số> [đối tượng]: chỉ tiêu
help-admin-chitieu-read = /chitieu <mã>: xem chỉ tiêu năm nay
help-admin-hanbaocao = /hanbaocao <ngày>: hạn nộp báo cáo (1–28)
help-admin-nhacnho = /nhacnho 3 1 0: ngày nhắc trước hạn (-: tắt)
help-admin-lichtonghop = /lichtonghop T2 08:00: giờ gửi tổng hợp tuần
help-admin-caidat = /caidat: xem hạn nộp, lịch nhắc, lịch tổng hợp
help-admin-caidat-names = /caidat <mã> [tên hiện|ẩn]: tên ở nhóm
help-admin-caidat-deadline = /caidat [mã] han <ngày> [cungthang]|xoa: hạn nộp
help-admin-tonghop = /tonghop [mã] [tháng/năm]: tổng hợp
help-admin-xuat = /xuat [mã] [năm|tháng/năm]: tệp Excel
help-admin-tiendo = /tiendo <mã chi bộ>: tiến độ năm
help-admin-choduyet = /choduyet: duyệt báo cáo, biên bản
help-admin-xembienban = /xembienban <mã chi bộ> [tháng/năm]: biên bản
help-admin-khoaso = /khoaso <tháng/năm> [mã]: khóa sổ tháng
help-admin-mokhoa = /mokhoa <tháng/năm> [mã]: mở lại sổ
help-admin-tinhtong = /tinhtong <mã> [daduyet|tatca]: cách tính tổng
help-admin-nhatky = /nhatky: 20 thay đổi gần nhất
help-admin-yeucau = /yeucau: yêu cầu báo cáo theo hạn, nhắc, xuất
help-admin-dangkynhom = /dangkynhom <mã> (trong nhóm): nhận tổng hợp
help-admin-huynhom = /huynhom (trong nhóm): thôi nhận tổng hợp
help-title-common = Chung:
help-common-huy = /huy: thoát biểu mẫu đang điền
help-common-trogiup = /trogiup: xem danh sách này
help-title-group = Trong nhóm này:
help-group-tonghop = /tonghop [tháng/năm]: tổng hợp của đơn vị
help-group-xuat = /xuat [năm|tháng/năm]: Excel, gửi riêng cấp ủy viên
help-group-trogiup = /trogiup: xem danh sách này
help-group-private = Các lệnh khác (báo cáo, biên bản...) dùng trong trò chuyện riêng với Trợ lý: bấm nút dưới đây.
group-private-only = Lệnh /{ $command } dùng trong trò chuyện riêng với Trợ lý. Đồng chí bấm nút dưới đây.
private-chat-button = 💬 Mở trò chuyện riêng với Trợ lý

## Bắt đầu, lời mời
start-greeting = Chào đồng chí { $name }! Gõ /trogiup để xem các việc đồng chí có thể làm.
start-link-bad = Đường link này không mở được việc nào (có thể đã bị sửa). Gõ /trogiup để xem các lệnh.
start-invite-bad-format = Mã mời không hợp lệ. Đồng chí hãy mở lại đúng đường link quản trị viên đã gửi.
start-invite-unknown = Không tìm thấy mã mời này. Đồng chí hãy kiểm tra lại đường link hoặc xin quản trị viên tạo link mới.
start-invite-used = Mã mời này đã được dùng. Mỗi link chỉ dùng được một lần; đồng chí hãy xin quản trị viên tạo link mới.
start-invite-expired = Mã mời này đã hết hạn ngày { $date }. Đồng chí hãy xin quản trị viên tạo link mới.
start-invite-welcome =
    Chào đồng chí { $name }! Đồng chí đã được ghi nhận là bí thư { $unit }.
    Mỗi tháng, đồng chí gõ /baocao để gửi báo cáo phát triển đảng viên (chỉ mất khoảng 2 phút). Gõ /tiendo để xem tiến độ, /trogiup để xem mọi lệnh.
start-invite-already = Đồng chí đã có vai trò này tại { $unit } từ trước. Gõ /trogiup để xem các lệnh.
start-invite-welcome-committee =
    Chào đồng chí { $name }! Đồng chí đã được ghi nhận là cấp ủy viên của { $unit }.
    Gõ /xembienban <mã chi bộ> để xem biên bản sinh hoạt của các chi bộ trực thuộc, /trogiup để xem mọi lệnh.

## Quản trị: đơn vị
unit-usage-committee = Cách dùng: /themdonvi <mã> <mã cấp trên hoặc -> <tên>. Ví dụ: /themdonvi DU-SGD - Đảng ủy Sở Giáo dục và Đào tạo
unit-usage-branch = Cách dùng: /themchibo <mã> <mã cấp trên> <tên>. Ví dụ: /themchibo CB-QT DU-SGD Chi bộ Trường THPT Quang Trung
unit-bad-code = Mã "{ $code }" không hợp lệ: dùng 2–32 chữ cái không dấu, chữ số, dấu - _ hoặc . và không có khoảng trắng.
unit-bad-name-length = Tên đơn vị phải dài từ 2 đến { $max } ký tự.
unit-bad-name-invisible = Tên đơn vị chỉ gồm ký tự không nhìn thấy (như dấu cách rộng bằng 0), thường do sao chép từ nơi khác. Xin gõ tên bằng chữ.
unit-bad-name-characters = Tên đơn vị có ký tự điều khiển hoặc ký tự đảo chiều chữ (không nhìn thấy, thường do sao chép từ nơi khác), tên như vậy làm hỏng tệp Excel khi /xuat. Xin gõ lại tên bằng bàn phím.
unit-duplicate = Mã { $code } đã có (đơn vị: { $name }). Hãy chọn mã khác.
unit-parent-missing = Không có đơn vị cấp trên mã { $code }. Gõ /donvi để xem các mã hiện có.
unit-parent-missing-committee = Không có đơn vị cấp trên mã { $code }. Gõ /donvi để xem các mã hiện có. Nếu đơn vị này không có cấp trên, gõ dấu - thay cho mã cấp trên: { $command }
unit-parent-needed-committee = Sau mã đơn vị cần mã đơn vị cấp trên, hoặc dấu - nếu đơn vị này không có cấp trên; "{ $word }" không phải là một mã. Nếu đây là đơn vị cao nhất, gõ: { $command }
unit-parent-needed-branch = Sau mã chi bộ cần mã đơn vị cấp trên (đảng ủy hoặc đảng bộ mà chi bộ trực thuộc); "{ $word }" không phải là một mã. Gõ /donvi để xem các mã, rồi gõ: { $command }
unit-parent-is-branch = { $code } là chi bộ, không thể có đơn vị cấp dưới. Hãy chọn một đảng ủy hoặc đảng bộ làm cấp trên.
unit-branch-needs-parent = Chi bộ phải thuộc một đơn vị cấp trên.
unit-added-committee = Đã thêm { $name } (mã { $code }).
unit-added-branch = Đã thêm { $name } (mã { $code }). Gõ /moi { $code } để tạo link mời bí thư.
units-empty = Chưa có đơn vị nào. Bắt đầu bằng /themdonvi <mã> - <tên>.
units-title = Cây tổ chức ({ $count } đơn vị):
units-committee-line = { $indent }🏛 { $code }: { $name }
units-branch-line = { $indent }🚩 { $code }: { $name } · bí thư: { $secretaries }
units-no-secretary = chưa có

## Quản trị: lời mời
invite-usage = Cách dùng: /moi <mã đơn vị> [vai trò] [thaythe]. Chi bộ: bithu (bí thư, mặc định) hoặc phobithu (phó bí thư); đảng ủy, đảng bộ: uyvien (cấp ủy viên, mặc định). Ví dụ: /moi CB-QT, /moi CB-QT phobithu, hoặc /moi CB-QT bithu thaythe để mời bí thư mới thay bí thư hiện tại.
invite-unit-missing = Không có đơn vị mã { $code }. Gõ /donvi để xem các mã.
invite-created-committee =
    Link mời cấp ủy viên { $unit }:
    { $link }
    Link chỉ dùng được một lần và hết hạn lúc { $expires }. Đồng chí hãy gửi riêng cho người được mời.
invite-created =
    Link mời bí thư { $unit }:
    { $link }
    Link chỉ dùng được một lần và hết hạn lúc { $expires }. Đồng chí hãy gửi riêng cho bí thư chi bộ.

## Biểu mẫu (chung)
form-in-progress = Đồng chí đang điền biểu mẫu. Hãy trả lời câu hỏi bên dưới, hoặc gõ /huy để thoát.
form-text-expected = Câu này cần trả lời bằng chữ hoặc số (hoặc bấm một nút), không nhận ảnh, nhãn dán hay tệp.
form-stale-button = Nút này thuộc câu hỏi cũ. Xin trả lời câu hỏi hiện tại bên dưới.
form-question-resent = ⚠️ Vì Telegram gián đoạn, câu hỏi tiếp theo chưa đến được đồng chí. Các câu trả lời đã nhập vẫn được giữ; xin trả lời câu hỏi dưới đây (hoặc gõ /huy để thoát).
form-answer-taken-unseen = ⚠️ Vì Telegram gián đoạn, câu hỏi dưới đây có thể chưa đến được đồng chí. Bot đã ghi tin nhắn vừa nhận là câu trả lời cho câu hỏi đó:
form-answered = { $question }
    ➜ { $answer }
form-count-not-number = "{ $input }" không phải là một số. Xin nhập một số nguyên, ví dụ 3.
form-count-negative = Số không được âm. Xin nhập 0 hoặc một số dương.
form-count-decimal = Xin nhập số nguyên (không có phần thập phân).
form-count-too-large = Số này quá lớn so với một chi bộ (tối đa { $max }). Xin kiểm tra và nhập lại.
form-text-too-long = Nội dung dài { $length } ký tự, vượt quá giới hạn { $max } ký tự. Xin rút gọn rồi gửi lại; phần đã nhập trước đó vẫn được giữ.
form-text-empty = Nội dung không được để trống.
form-skip = Bỏ qua
form-none = (không có)
form-preview-cut = { $start }… (còn tiếp, tổng { $length } ký tự)

## Báo cáo tháng
report-ask-period = Báo cáo tháng nào? Bấm nút hoặc gõ tháng/năm, ví dụ 10/2026.
report-period-button = Tháng { $period }
report-period-format = Chưa đọc được tháng. Xin gõ theo dạng tháng/năm, ví dụ 10/2026.
report-period-not-open-same = Báo cáo tháng { $period } mở từ ngày { $opens } (ngày đầu tháng: hạn nộp là trong chính tháng đó), trước đó chưa nhận. Tháng gần nhất báo cáo được là tháng { $latest }.
report-period-not-open = Báo cáo tháng { $period } mở từ ngày { $opens } (ngày cuối tháng), trước đó chưa nhận. Tháng gần nhất báo cáo được là tháng { $latest }.
report-period-too-old = Tháng { $period } đã quá cũ: chỉ nhận báo cáo của 24 tháng gần nhất. Xin liên hệ quản trị viên nếu cần sửa số liệu cũ.
report-amending = Tháng { $period } đã có báo cáo (bản { $version }, gửi lúc { $time }). Đồng chí sửa mục cần thiết rồi bấm Gửi; bản cũ vẫn được lưu lại.
report-ask-candidates = Số quần chúng ưu tú (nguồn phát triển đảng viên) hiện có?
report-ask-awarenessClass = Số quần chúng học lớp bồi dưỡng nhận thức về Đảng trong tháng?
report-ask-applicationsInReview = Số hồ sơ đề nghị kết nạp đang xét?
report-ask-admittedTotal = Số đảng viên mới được kết nạp trong tháng?
report-ask-admittedTeachers = Trong { $total } đảng viên mới, bao nhiêu là giáo viên, giảng viên? (còn { $left } chưa phân loại)
report-ask-admittedPupils = Bao nhiêu là học sinh? (còn { $left } chưa phân loại)
report-ask-admittedStudents = Bao nhiêu là sinh viên? (còn { $left } chưa phân loại; số còn lại sẽ tính là đối tượng khác)
report-cohort-too-many = Chỉ còn { $left } người chưa phân loại trong tổng số { $total } người kết nạp. Xin nhập số từ 0 đến { $left }, hoặc sửa tổng số ở bước tóm tắt.
report-ask-madeFull = Số đảng viên dự bị được công nhận đảng viên chính thức trong tháng?
report-ask-removedTotal = Số đảng viên giảm trong tháng (xóa tên, khai trừ, xin ra khỏi Đảng, từ trần)?
report-ask-removedStruckOff = Trong { $total } đảng viên giảm, bao nhiêu bị xóa tên? (còn { $left } chưa phân loại)
report-ask-removedExpelled = Bao nhiêu bị khai trừ? (còn { $left } chưa phân loại)
report-ask-removedResigned = Bao nhiêu xin ra khỏi Đảng? (còn { $left } chưa phân loại; số còn lại sẽ tính là từ trần)
report-removed-too-many = Chỉ còn { $left } người chưa phân loại trong tổng số { $total } đảng viên giảm. Xin nhập số từ 0 đến { $left }, hoặc sửa tổng số ở bước tóm tắt.
report-ask-removedReason = Lý do các trường hợp giảm trên (ngắn gọn)? Ví dụ: 1 đồng chí xóa tên do bỏ sinh hoạt đảng.
report-ask-transferredIn = Số đảng viên chuyển sinh hoạt đến trong tháng?
report-ask-transferredOut = Số đảng viên chuyển sinh hoạt đi trong tháng?
report-ask-note = Khó khăn, vướng mắc, đề xuất (nếu có)? Gõ nội dung hoặc bấm Bỏ qua.
report-same-as-last = Như tháng trước: { $n }
report-pipeline-warning = ⚠️ Lưu ý: số kết nạp ({ $admitted }) lớn hơn số quần chúng ưu tú tháng trước ({ $previous }). Nếu số liệu đúng thì cứ tiếp tục; nếu sai, đồng chí sửa ở bước tóm tắt.
report-summary =
    📋 Báo cáo phát triển đảng viên tháng { $period }
    { $unit }
    1. Quần chúng ưu tú (nguồn phát triển đảng viên): { $candidates }
    2. Học lớp bồi dưỡng nhận thức về Đảng: { $awarenessClass }
    3. Hồ sơ đề nghị kết nạp đang xét: { $applicationsInReview }
    4. Kết nạp: { $admittedTotal } (giáo viên, giảng viên: { $admittedTeachers }; học sinh: { $admittedPupils }; sinh viên: { $admittedStudents }; khác: { $admittedOther })
    5. Chuyển đảng chính thức: { $madeFull }
    6. Đảng viên giảm: { $removedTotal } (xóa tên { $removedStruckOff }, khai trừ { $removedExpelled }, xin ra khỏi Đảng { $removedResigned }, từ trần { $removedDied }{ $removedUnclassified }){ $removedReason }
    7. Chuyển sinh hoạt đến: { $transferredIn }; chuyển đi: { $transferredOut }
    8. Khó khăn, đề xuất: { $note }
report-summary-reason = {" "}(lý do: { $reason })
report-summary-unclassified = ; chưa phân loại { $count }: số gửi trước khi tách bốn loại
report-summary-prompt = Đồng chí kiểm tra lại rồi bấm Gửi, hoặc chọn Sửa để thay một mục.
report-button-send = ✅ Gửi báo cáo
report-field-period = Tháng báo cáo
report-field-candidates = 1. Quần chúng ưu tú
report-field-awarenessClass = 2. Lớp bồi dưỡng nhận thức về Đảng
report-field-applicationsInReview = 3. Hồ sơ đề nghị kết nạp đang xét
report-field-admitted = 4. Kết nạp
report-field-madeFull = 5. Chuyển đảng chính thức
report-field-removed = 6. Đảng viên giảm
report-field-transfers = 7. Chuyển sinh hoạt
report-field-note = 8. Khó khăn, đề xuất
report-conflict = ⚠️ Trong lúc đồng chí điền, { $who } đã gửi báo cáo tháng { $period } (bản { $version }, lúc { $time }). Nếu đồng chí bấm Gửi, bản của đồng chí sẽ thay thế bản đó; bản đó vẫn được lưu lại.
report-receipt = ✅ Đã nhận báo cáo tháng { $period } của { $unit } lúc { $time } (bản số { $version }). Cảm ơn đồng chí!
report-receipt-late = Báo cáo được ghi nhận là nộp muộn (hạn nộp: { $deadline }).
report-cancelled = Đã hủy báo cáo. Không có gì được lưu.

## Tiến độ
progress-title = 📈 { $unit }: năm { $year }
progress-title-since = , từ tháng { $month }
progress-details-title = 📋 { $unit }: từng tháng, năm { $year }
progress-usage = Cách dùng: /tiendo <mã chi bộ>: tiến độ báo cáo, sinh hoạt trong năm của một chi bộ trực thuộc. Ví dụ: /tiendo CB-QT. Mã các chi bộ có trong /tonghop.
progress-not-branch = { $unit } không phải chi bộ: /tiendo xem từng chi bộ. Tổng hợp của cả đơn vị: /tonghop { $code }
progress-not-allowed = Đồng chí không xem được tiến độ của { $unit }: chi bộ này không thuộc đơn vị đồng chí là cấp ủy viên.
progress-details-button = 📋 Xem từng tháng
progress-details-not-allowed = Đồng chí không còn xem được tiến độ của đơn vị này.
progress-details-stale = Nút này đã cũ. Đồng chí gõ /tiendo để xem tiến độ mới nhất.
progress-reports-title = 📨 Báo cáo hằng tháng:
progress-month-submitted = Tháng { $month }: ✅ đã báo cáo, kết nạp { $admitted }
progress-month-late = Tháng { $month }: ✅ đã báo cáo (muộn), kết nạp { $admitted }
progress-month-missing = Tháng { $month }: ❌ chưa báo cáo (hạn đã qua)
progress-month-due = Tháng { $month }: ⏳ chưa báo cáo, hạn { $deadline }
progress-month-open = Tháng { $month }: tháng chưa kết thúc
progress-group-submitted = {"  "}✅ Đã gửi: tháng { $months }
progress-group-late-part = {" "}(muộn: tháng { $months })
progress-group-missing = {"  "}❌ Chưa gửi, đã quá hạn: tháng { $months }
progress-group-due = {"  "}⏳ Chưa gửi, hạn { $deadline }: tháng { $months }
progress-group-open = {"  "}· Tháng { $months } chưa kết thúc
progress-review-counts = {"  "}Duyệt: { $counts }
progress-total = Lũy kế kết nạp từ đầu năm: { $admitted } đảng viên (giáo viên, giảng viên: { $teachers }; học sinh: { $pupils }; sinh viên: { $students }; khác: { $other }).
form-choose-button = Xin bấm một trong các nút của câu hỏi bên dưới.
form-button-edit = ✏️ Sửa một mục
form-button-cancel = ❌ Hủy
form-ask-which-field = Đồng chí muốn sửa mục nào?
form-choose-unit = Đồng chí làm việc cho chi bộ nào?

## Menu lệnh (hiện cạnh ô nhập)
menu-start = Bắt đầu
menu-baocao = Gửi báo cáo phát triển đảng viên tháng
menu-deputy-baocao = Gửi báo cáo khi bí thư ủy quyền hoặc nghỉ
menu-bienban = Ghi biên bản sinh hoạt chi bộ
menu-deputy-bienban = Ghi biên bản khi bí thư ủy quyền hoặc nghỉ
menu-xembienban = Xem biên bản đã ghi
menu-xembienban-unit = Xem biên bản của một chi bộ
menu-tiendo = Xem tiến độ năm của chi bộ
menu-tiendo-unit = Tiến độ năm của một chi bộ
menu-chitieu-read = Xem chỉ tiêu kết nạp của một đơn vị
menu-caidat-committee = Hạn nộp riêng, tên người ở nhóm
menu-choduyet = Báo cáo, biên bản chờ duyệt
menu-tinhtong = Cách tính tổng của một đơn vị
menu-themdonvi = Thêm đảng ủy, đảng bộ
menu-themchibo = Thêm chi bộ
menu-donvi = Cây tổ chức
menu-moi = Tạo link mời
menu-thanhvien = Người của đơn vị, bỏ vai trò
menu-chitieu = Giao, xem chỉ tiêu kết nạp
menu-hanbaocao = Đổi hạn nộp báo cáo
menu-nhacnho = Đổi ngày nhắc hạn
menu-lichtonghop = Đổi giờ gửi tổng hợp tuần
menu-caidat = Xem hạn nộp, lịch nhắc, lịch tổng hợp
menu-tonghop = Tổng hợp của một đơn vị
menu-group-tonghop = Tổng hợp của đơn vị nhóm theo dõi
menu-xuat = Tệp Excel của một đơn vị
menu-group-xuat = Tệp Excel của đơn vị, gửi riêng cấp ủy viên
menu-khoaso = Khóa sổ tháng
menu-mokhoa = Mở lại sổ đã khóa
menu-nhatky = Các thay đổi gần nhất
menu-yeucau = Yêu cầu báo cáo theo hạn
menu-yeucau-branch = Yêu cầu báo cáo gửi đến chi bộ
menu-huy = Thoát biểu mẫu đang điền
menu-trogiup = Các lệnh dùng được

## Biên bản sinh hoạt chi bộ
meeting-ask-kind = Biên bản buổi sinh hoạt nào?
meeting-kind-REGULAR = Thường kỳ
meeting-kind-THEMATIC = Chuyên đề
meeting-ask-topic = Chủ đề của buổi sinh hoạt chuyên đề? (tối đa { $max } ký tự)
meeting-ask-date = Buổi sinh hoạt diễn ra ngày nào? Bấm nút hoặc gõ ngày/tháng/năm, ví dụ 02/11/2026 hoặc 2/11.
meeting-date-today = Hôm nay ({ $date })
meeting-date-yesterday = Hôm qua ({ $date })
meeting-date-format = Chưa đọc được ngày. Xin gõ theo dạng ngày/tháng/năm, ví dụ 02/11/2026, hoặc ngày/tháng, ví dụ 2/11.
meeting-date-invalid = Ngày này không có trong lịch. Xin kiểm tra lại ngày và tháng.
meeting-date-future = Ngày này chưa đến. Chỉ ghi biên bản cho buổi sinh hoạt đã diễn ra.
meeting-date-too-old = Ngày này đã quá lâu (chỉ nhận trong vòng 400 ngày). Xin liên hệ quản trị viên nếu cần ghi biên bản cũ.
meeting-amending = Buổi sinh hoạt { $kind } ngày { $date } đã có biên bản (bản { $version }, gửi lúc { $time }). Đồng chí sửa mục cần thiết rồi bấm Gửi; bản cũ vẫn được lưu lại.
meeting-ask-place = Địa điểm sinh hoạt?
meeting-ask-chair = Họ tên đồng chí chủ trì?
meeting-ask-recorder = Họ tên đồng chí thư ký?
meeting-ask-onRoll = Tổng số đảng viên của chi bộ (theo danh sách)?
meeting-same-as-last = Như lần trước: { $n }
meeting-roll-zero = Số đảng viên phải lớn hơn 0.
meeting-ask-present = Số đảng viên có mặt? (trên tổng số { $onRoll })
meeting-all-present = Đủ { $onRoll }
meeting-present-over-roll = Số có mặt không thể lớn hơn tổng số đảng viên ({ $onRoll }).
meeting-ask-absentExcused = Số vắng có lý do? (còn { $left } đồng chí không có mặt)
meeting-absent-over = Chỉ có { $left } đồng chí không có mặt. Xin nhập số từ 0 đến { $left }.
meeting-ask-absentUnexcused = Số vắng không lý do? (còn { $left } đồng chí)
meeting-attendance-mismatch = Có mặt { $present } + vắng có lý do { $excused } + vắng không lý do { $unexcused } = { $sum }, không khớp tổng số { $onRoll } đảng viên. Số vắng không lý do phải là { $left }; nếu số trước sai, xin sửa ở bước tóm tắt.
meeting-low-attendance = ⚠️ Chỉ { $present }/{ $onRoll } đảng viên có mặt ({ $rate }), dưới một nửa số đảng viên của chi bộ. Đồng chí vẫn gửi được biên bản; xin kiểm tra lại số có mặt, nếu đúng thì nên ghi rõ lý do trong phần kết luận. Buổi sinh hoạt này sẽ được ghi là dưới một nửa đảng viên có mặt trong /tiendo và bản tổng hợp của cấp ủy.
meeting-ask-content = Nội dung chính của buổi sinh hoạt? (tối đa { $max } ký tự)
meeting-ask-conclusions = Kết luận, nghị quyết của chi bộ? (tối đa { $max } ký tự)
meeting-ask-files = Gửi ảnh, tệp PDF hoặc tệp Word (.docx) biên bản đã ký (có thể gửi nhiều tệp, mỗi tệp tối đa 20 MB), hoặc bấm Không có tệp.
meeting-ask-more-files = Đã nhận { $count } tệp. Gửi thêm ảnh, PDF hoặc Word, hoặc bấm Xong.
meeting-files-none = Không có tệp
meeting-files-done = Xong
meeting-file-type = Chỉ nhận ảnh, tệp PDF hoặc tệp Word (.docx) của biên bản. Tệp này không được lưu.
meeting-file-name = Tệp "{ $name }" không có đuôi { $extension } nên không được nhận, dù gửi kèm kiểu { $kind }. Chỉ nhận ảnh, tệp PDF (tên kết thúc bằng .pdf) hoặc tệp Word (tên kết thúc bằng .docx). Tệp này không được lưu.
meeting-file-kind-PDF = PDF
meeting-file-kind-DOCX = Word
meeting-file-too-big = Tệp quá lớn ({ $size } MB); giới hạn là 20 MB. Xin chụp ảnh hoặc nén tệp nhỏ hơn rồi gửi lại.
meeting-file-too-many = Đã đủ { $max } tệp, không nhận thêm. Bấm Xong để tiếp tục.
meeting-file-expected = Ở bước này xin gửi ảnh, tệp PDF hoặc tệp Word, hoặc bấm nút bên dưới.
meeting-summary =
    📝 Biên bản sinh hoạt { $kindLower } · { $unit }
    1. Loại: { $kind }{ $topic }
    2. Ngày: { $heldOn }
    3. Địa điểm: { $place }
    4. Chủ trì: { $chair }
    5. Thư ký: { $recorder }
    6. Dự họp: có mặt { $present }/{ $onRoll } ({ $attendanceRate }), vắng có lý do { $absentExcused }, vắng không lý do { $absentUnexcused }
    7. Nội dung: { $content }
    8. Kết luận: { $conclusions }
    9. Tệp đính kèm: { $attachments }
meeting-summary-topic = {" "}(chủ đề: { $topic })
meeting-summary-prompt = Đồng chí kiểm tra lại rồi bấm Gửi, hoặc chọn Sửa để thay một mục.
meeting-button-send = ✅ Gửi biên bản
meeting-field-kind = 1. Loại, chủ đề
meeting-field-date = 2. Ngày
meeting-field-place = 3. Địa điểm
meeting-field-chair = 4. Chủ trì
meeting-field-recorder = 5. Thư ký
meeting-field-attendance = 6. Dự họp
meeting-field-content = 7. Nội dung
meeting-field-conclusions = 8. Kết luận
meeting-field-files = 9. Tệp đính kèm
meeting-conflict = ⚠️ Trong lúc đồng chí điền, { $who } đã gửi biên bản buổi này (bản { $version }, lúc { $time }). Nếu đồng chí bấm Gửi, bản của đồng chí sẽ thay thế bản đó; bản đó vẫn được lưu lại.
meeting-receipt = ✅ Đã nhận biên bản sinh hoạt { $kindLower } ngày { $date } của { $unit } lúc { $time } (bản số { $version }, tỷ lệ dự họp { $rate }).
meeting-cancelled = Đã hủy biên bản. Không có gì được lưu.

## Xem biên bản
minutes-usage = Cách dùng: /xembienban [mã chi bộ] [tháng/năm]. Ví dụ: /xembienban CB-QT 10/2026
minutes-not-allowed = Đồng chí không có quyền xem biên bản của đơn vị này.
minutes-none = { $unit } chưa có biên bản nào trong tháng { $period }.
minutes-title = 📚 Biên bản của { $unit } trong tháng { $period }: { $count } buổi
minutes-resend = 📎 Gửi lại { $count } tệp
minutes-file-caption = Biên bản { $kind } ngày { $date } ({ $n }/{ $count })
minutes-files-gone = Biên bản này không còn tệp đính kèm.

## Tiến độ sinh hoạt
progress-meetings-title = Sinh hoạt chi bộ năm { $year }:
progress-regular-held = Tháng { $month }: ✅ đã sinh hoạt thường kỳ
progress-regular-missing = Tháng { $month }: ❌ chưa có sinh hoạt thường kỳ
progress-regular-open = Tháng { $month }: ⏳ chưa ghi sinh hoạt thường kỳ
progress-thematic-held = Quý { $quarter }: ✅ đã sinh hoạt chuyên đề
progress-thematic-missing = Quý { $quarter }: ❌ chưa có sinh hoạt chuyên đề
progress-thematic-open = Quý { $quarter }: ⏳ chưa ghi sinh hoạt chuyên đề
progress-attendance = Tỷ lệ dự họp bình quân: { $rate }
progress-attendance-none = Tỷ lệ dự họp bình quân: chưa có biên bản
progress-meetings-summary = 🗓 Sinh hoạt chi bộ:
progress-regular-group-held = {"  "}✅ Thường kỳ: tháng { $months }
progress-regular-group-missing = {"  "}❌ Chưa có thường kỳ: tháng { $months }
progress-regular-group-open = {"  "}⏳ Tháng { $months }: chưa ghi thường kỳ
progress-thematic-quarters = {"  "}Chuyên đề: { $quarters }
progress-thematic-quarter-held = quý { $quarter } ✅
progress-thematic-quarter-missing = quý { $quarter } ❌
progress-thematic-quarter-open = quý { $quarter } ⏳
progress-low-attendance = ⚠️ Dưới một nửa đảng viên có mặt: { $meetings }
progress-low-attendance-item = { $date } ({ $present }/{ $onRoll })

## Tổng hợp cho cấp ủy
digest-title = 📊 Tổng hợp { $unit } · tháng { $period }
digest-reports = 📨 Báo cáo: { $received }/{ $branches } chi bộ đã gửi{ $late }
digest-reports-late = {" "}({ $count } muộn)
digest-missing = Chưa gửi ({ $count }):
digest-branch = {"  "}• { $code }: { $name }
digest-branch-secretary = {"  "}• { $code }: { $name } (bí thư: { $people })
digest-unreviewed = ⚠️ Chưa có cấp ủy viên duyệt báo cáo, biên bản của { $count } chi bộ: số liệu của các chi bộ này được tính ngay khi gửi, không chờ duyệt.
digest-unreviewed-invite = {"  "}Mời cấp ủy viên: quản trị viên gõ /moi { $code } uyvien và gửi đường dẫn cho đồng chí được mời.
digest-unreviewed-invite-any = {"  "}Mời cấp ủy viên: quản trị viên gõ /moi <mã đảng ủy cấp trên> uyvien và gửi đường dẫn cho đồng chí được mời.
digest-and-more = {"  "}… và { $count } chi bộ khác (xem đầy đủ bằng /xuat)
digest-admitted-month = 🎯 Kết nạp trong tháng: { $count }
digest-admitted-year = Lũy kế từ đầu năm { $text }
digest-against-quota = { $admitted }/{ $quota }, đạt { $rate } chỉ tiêu { $bar }
digest-no-quota = { $admitted } (chưa giao chỉ tiêu)
digest-cohort-admittedTeachers = {"  "}· Giáo viên, giảng viên: { $text }
digest-cohort-admittedPupils = {"  "}· Học sinh: { $text }
digest-cohort-admittedStudents = {"  "}· Sinh viên: { $text }
digest-cohort-admittedOther = {"  "}· Khác: { $text }
digest-pipeline = 🌱 Nguồn phát triển đảng viên: quần chúng ưu tú { $candidates }, học lớp bồi dưỡng nhận thức về Đảng { $awarenessClass }, hồ sơ đề nghị kết nạp đang xét { $applicationsInReview }
digest-meetings = 🗓 Sinh hoạt: thường kỳ { $regular }/{ $branches } chi bộ trong tháng, chuyên đề { $thematic }/{ $branches } trong quý; tỷ lệ dự họp { $attendance }
digest-attendance-none = chưa có biên bản
digest-low-attendance = {"  "}⚠️ Có buổi sinh hoạt dưới một nửa đảng viên có mặt ({ $count } chi bộ):
digest-removed = 🚪 Đảng viên giảm trong tháng: { $count } ({ $parts })
digest-removedStruckOff = xóa tên { $count }
digest-removedExpelled = khai trừ { $count }
digest-removedResigned = xin ra khỏi Đảng { $count }
digest-removedDied = từ trần { $count }
digest-removedUnclassified = chưa phân loại { $count }
digest-behind-title = ⚠️ Chi bộ chậm nhất so với chỉ tiêu năm:
digest-behind = {"  "}{ $n }. { $code }: { $name }: { $admitted }/{ $quota } ({ $rate })
digest-chart-caption = Tiến độ kết nạp so với chỉ tiêu năm, { $unit }
digest-report-button = 📝 Gửi báo cáo tháng { $period }

## Danh sách chậm sau hạn
late-title = ⏰ { $unit }: đã quá hạn báo cáo tháng { $period } (hạn { $deadline })
late-reports = Chi bộ chưa gửi báo cáo ({ $count }):
late-reports-none = Tất cả chi bộ đã gửi báo cáo. 👍
late-minutes-button = 📋 Ghi biên bản sinh hoạt
late-meetings = Chi bộ chưa có sinh hoạt thường kỳ tháng { $period } ({ $count }):
late-meetings-none = Tất cả chi bộ đã sinh hoạt thường kỳ tháng { $period }.

## Nhắc hạn
reminder-text =
    🔔 Nhắc hạn: báo cáo phát triển đảng viên tháng { $period } của { $unit } hạn nộp { $deadline }{ $when }.
    Bấm nút bên dưới để báo cáo ngay (khoảng 2 phút).
reminder-when-today = {" "}(hôm nay)
reminder-when-days = {" "}(còn { $days } ngày)
reminder-button = 📝 Báo cáo tháng { $period }

## Hạn trùng ngày nghỉ lễ, Tết (src/domain/holidays.ts): lùi sang ngày làm việc tiếp theo
deadline-moved = 📅 Hạn lùi từ { $from } sang { $on } vì trùng ngày nghỉ { $holiday }.

## Chỉ tiêu
quota-usage =
    Cách dùng:
    /chitieu <mã chi bộ> [năm] <số>: chỉ tiêu kết nạp cả năm (không ghi năm là năm nay)
    /chitieu <mã chi bộ> [năm] <số> <đối tượng>: chỉ tiêu cho một đối tượng (giáo viên hoặc giảng viên, học sinh, sinh viên, khác; gõ có dấu hay không dấu đều được)
    /chitieu <mã đơn vị>: xem chỉ tiêu năm nay (đảng ủy: tổng của các chi bộ trực thuộc)
    Ví dụ: /chitieu CB-QT 2026 7, /chitieu CB-QT 2 học sinh
quota-usage-read = Cách dùng: /chitieu <mã đơn vị>: xem chỉ tiêu kết nạp năm nay (đảng ủy: tổng của các chi bộ trực thuộc). Ví dụ: /chitieu CB-QT
quota-set-admin-only = Chỉ tiêu do quản trị viên giao theo quyết định của cấp ủy; cấp ủy viên xem được bằng /chitieu <mã đơn vị>.
quota-not-allowed = Đồng chí không xem được chỉ tiêu của { $unit }: đơn vị này không thuộc đơn vị đồng chí là cấp ủy viên.
quota-branch-only = Chỉ tiêu được giao cho từng chi bộ; chỉ tiêu của { $code } là tổng của các chi bộ trực thuộc. Gõ /chitieu { $code } để xem.
quota-bad-year = Năm phải từ { $from } đến { $to }.
quota-bad-value = Chỉ tiêu phải là số nguyên từ 0 đến { $max }.
quota-bad-cohort = Đối tượng phải là một trong: giáo viên, giảng viên (gõ giáo viên hoặc giảng viên); học sinh; sinh viên; khác (gõ có dấu hay không dấu đều được, ví dụ "học sinh" hoặc "hocsinh").
quota-set = Đã đặt chỉ tiêu kết nạp năm { $year } của { $unit } ({ $cohort }): { $value } (trước đó: { $before }).
quota-before-none = chưa có
quota-cohort-name-ALL = tất cả đối tượng
quota-cohort-name-admittedTeachers = giáo viên, giảng viên
quota-cohort-name-admittedPupils = học sinh
quota-cohort-name-admittedStudents = sinh viên
quota-cohort-name-admittedOther = đối tượng khác
quota-show-branch = Chỉ tiêu kết nạp năm { $year } của { $unit }:
quota-show-committee = Chỉ tiêu kết nạp năm { $year } của { $unit } (tổng { $branches } chi bộ trực thuộc):
quota-none = Chưa giao chỉ tiêu.
quota-total = Tổng: { $total } đảng viên
quota-cohort-admittedTeachers = {"  "}· giáo viên, giảng viên: { $value }
quota-cohort-admittedPupils = {"  "}· học sinh: { $value }
quota-cohort-admittedStudents = {"  "}· sinh viên: { $value }
quota-cohort-admittedOther = {"  "}· khác: { $value }

## Lịch hạn nộp, nhắc, tổng hợp
schedule-usage-due = Cách dùng: /hanbaocao <ngày>, ngày từ 1 đến 28 của tháng sau (mọi tháng đều có ngày 28). Ví dụ: /hanbaocao 5
schedule-usage-reminders = Cách dùng: /nhacnho <số ngày trước hạn...>, mỗi số từ 0 (đúng ngày hạn) đến 27, không trùng nhau; /nhacnho - để tắt nhắc. Ví dụ: /nhacnho 3 1 0
schedule-usage-digest = Cách dùng: /lichtonghop <thứ> <giờ:phút>, thứ là T2…T7 hoặc CN. Ví dụ: /lichtonghop T2 08:00
schedule-saved = ✅ Đã lưu lịch mới.
schedule-show =
    🗓 Lịch hiện tại (giờ Việt Nam):
    · Hạn nộp báo cáo tháng: { $due }
    · Nhắc bí thư chưa nộp: { $reminders } ngày trước hạn, lúc { $hour }:00
    · Gửi danh sách chậm cho cấp ủy: { $lateDays } ngày sau hạn
    · Tổng hợp hằng tuần: { $weekday } lúc { $digestTime }
schedule-no-reminders = không nhắc
schedule-moved-head = · Hạn trùng ngày nghỉ lễ, Tết trong 12 tháng tới, lùi sang ngày làm việc tiếp theo:
schedule-moved-line = {"  "}– báo cáo tháng { $period }: { $from } ({ $holiday }) → { $on }

## Hạn nộp theo cấp ủy (/caidat han …, /caidat <mã> han …)
deadline-rule-same = ngày { $day } hằng tháng (cùng tháng)
deadline-rule-next = ngày { $day } tháng sau
deadline-usage =
    Cách dùng: /caidat han <ngày> [cungthang]: hạn chung của cả hệ thống (quản trị viên); /caidat <mã đơn vị> han <ngày> [cungthang]: hạn riêng của đơn vị và các đơn vị trực thuộc; /caidat <mã đơn vị> han xoa: bỏ hạn riêng, theo lại hạn của cấp trên.
    Ngày từ 1 đến 28 (mọi tháng đều có ngày 28). Thêm "cungthang": báo cáo tháng nào nộp trước ngày đó của chính tháng ấy; không thêm: nộp trước ngày đó của tháng sau.
    Ví dụ: /caidat han 10, /caidat DU-SGD han 25 cungthang
deadline-bad-day = "{ $word }" không phải ngày hạn: ngày phải là số nguyên từ 1 đến 28.
deadline-bad-word = "{ $word }" không phải lựa chọn. Sau ngày, gõ "cungthang" (hạn trong chính tháng báo cáo) hoặc để trống (hạn trong tháng sau).
deadline-tree-set = ✅ Đã lưu hạn chung: báo cáo tháng nộp chậm nhất { $rule }. Trước đó: { $before }. Đơn vị có hạn riêng vẫn theo hạn riêng; xem /caidat.
deadline-tree-unchanged = Hạn chung đã là { $rule } từ trước; không có gì thay đổi.
deadline-tree-remove = Hạn chung không bỏ được. Đặt ngày khác bằng /caidat han <ngày> [cungthang]; bỏ hạn riêng của một đơn vị bằng /caidat <mã đơn vị> han xoa.
deadline-tree-admin-only = Hạn chung của cả hệ thống do quản trị viên đặt. Đồng chí đặt được hạn riêng cho đơn vị mình là cấp ủy viên và các đơn vị trực thuộc: /caidat <mã đơn vị> han <ngày> [cungthang].
deadline-unit-missing = Không có đơn vị mã { $code }. Gõ /donvi để xem các mã.
deadline-not-allowed = Đồng chí không phải cấp ủy viên của { $unit } hay của cấp trên nên không đặt được hạn nộp cho đơn vị này.
deadline-unit-set = ✅ Đã lưu: báo cáo tháng của { $unit } ({ $code }) và các đơn vị trực thuộc nộp chậm nhất { $rule }. Trước đó: { $before }.
deadline-unit-unchanged = { $unit } ({ $code }) đã có hạn riêng { $rule } từ trước; không có gì thay đổi.
deadline-unit-removed = ✅ Đã bỏ hạn riêng của { $unit } ({ $code }). Từ nay theo { $from }: { $rule }.
deadline-unit-none = { $unit } ({ $code }) không có hạn riêng; đang theo { $from }: { $rule }.
deadline-unit-show-own = Hạn nộp báo cáo tháng của { $unit } ({ $code }) và các đơn vị trực thuộc: { $rule } (hạn riêng). Bỏ hạn riêng: /caidat { $code } han xoa.
deadline-unit-show-inherited = Hạn nộp báo cáo tháng của { $unit } ({ $code }): { $rule }, theo { $from }. Đặt hạn riêng: /caidat { $code } han <ngày> [cungthang].
deadline-from-tree = hạn chung
deadline-from-unit = hạn của { $unit }
deadline-subtrees-title = Hạn riêng (áp dụng cho đơn vị và các đơn vị trực thuộc; đổi bằng /caidat <mã> han …):
deadline-subtree-line = · { $unit } ({ $code }): { $rule }
deadline-subtrees-none = Chưa đơn vị nào có hạn riêng; đặt bằng /caidat <mã đơn vị> han <ngày> [cungthang].
weekday-cn = Chủ nhật
weekday-t2 = thứ Hai
weekday-t3 = thứ Ba
weekday-t4 = thứ Tư
weekday-t5 = thứ Năm
weekday-t6 = thứ Sáu
weekday-t7 = thứ Bảy

## Nhật ký thay đổi
audit-empty = Chưa có thay đổi nào.
audit-title = 📜 { $count } thay đổi gần nhất:
audit-line = { $time } · { $actor } · { $what }
audit-quota-set = chỉ tiêu năm { $year } của { $subject } ({ $cohort }): { $before } → { $after }
audit-schedule-set = đổi lịch (hạn chung: { $before } → { $after }; xem /caidat)
audit-deadline-set = hạn nộp báo cáo tháng của { $subject } ({ $name }): { $before } → { $after }
deadline-none = theo cấp trên
audit-group-register = đăng ký nhóm "{ $name }" nhận tổng hợp của { $subject }
audit-group-unregister = hủy đăng ký nhóm { $subject }
audit-unit-add = thêm đơn vị { $subject }: { $name }
audit-invite-create = tạo link mời { $role } cho { $subject }
audit-invite-create-replacing = tạo link mời { $role } mới cho { $subject }, thay { $role } hiện tại
role-SECRETARY = bí thư
role-DEPUTY = phó bí thư
role-COMMITTEE = cấp ủy viên

## Nhóm cấp ủy
group-usage = Cách dùng (trong nhóm): /dangkynhom <mã đơn vị>. Ví dụ: /dangkynhom DU-SGD
group-registered = ✅ Nhóm này sẽ nhận tổng hợp hằng tuần và danh sách chi bộ chậm báo cáo của { $unit } (gồm mọi đơn vị trực thuộc). Gõ /tonghop để xem ngay.
group-unregistered = Nhóm này sẽ không nhận tổng hợp nữa.
group-not-registered = Nhóm này chưa được đăng ký nhận tổng hợp. Quản trị viên gõ /dangkynhom <mã đơn vị> trong nhóm để đăng ký.
digest-not-allowed = Đồng chí chỉ xem được tổng hợp, tệp Excel của đơn vị mình là cấp ủy viên và các đơn vị trực thuộc; trong nhóm cấp ủy đã đăng ký, gõ /tonghop.
digest-usage = Cách dùng: /tonghop [mã đơn vị] [tháng/năm]. Ví dụ: /tonghop DU-SGD 10/2026; trong nhóm: /tonghop 10/2026
export-usage = Cách dùng: /xuat [mã đơn vị] [năm hoặc tháng/năm]. Ví dụ: /xuat DU-SGD 2026 hoặc /xuat DU-SGD 10/2026; trong nhóm: /xuat 2026
export-group-not-allowed = Tệp Excel của { $unit } có tên người và lý do xóa tên, nên chỉ gửi cho cấp ủy viên của đơn vị (và cấp trên) hoặc quản trị viên. Đồng chí xem tổng hợp bằng /tonghop.
export-sent-privately = 📎 Đã gửi tệp Excel của { $unit } vào trò chuyện riêng của đồng chí với Trợ lý.
export-private-failed = Chưa gửi được tệp Excel vào trò chuyện riêng: đồng chí bấm nút dưới đây, bấm Bắt đầu, rồi gõ lại /xuat.
export-too-large = { $unit } có { $branches } chi bộ, quá nhiều cho một tệp Excel (tối đa { $max }). Đồng chí xuất từng đơn vị trực thuộc, ví dụ /xuat <mã đơn vị> 2026; gõ /donvi để xem các mã.
export-caption = 📎 Số liệu của { $unit }, { $range }: { $reports } báo cáo tháng, { $meetings } biên bản sinh hoạt.
export-range-year = năm { $year }
export-range-month = tháng { $period }

## Xuất dữ liệu (/xuat)
export-sheet-reports = Báo cáo tháng
export-sheet-meetings = Sinh hoạt chi bộ
export-sheet-progress = Tiến độ chỉ tiêu
export-report-code = Mã chi bộ
export-report-name = Tên chi bộ
export-report-month = Tháng
export-report-candidates = Quần chúng ưu tú (nguồn phát triển đảng viên)
export-report-awarenessClass = Học lớp bồi dưỡng nhận thức về Đảng
export-report-applicationsInReview = Hồ sơ đề nghị kết nạp đang xét
export-report-admittedTeachers = Kết nạp: giáo viên, giảng viên
export-report-admittedPupils = Kết nạp: học sinh
export-report-admittedStudents = Kết nạp: sinh viên
export-report-admittedOther = Kết nạp: đối tượng khác
export-report-admittedTotal = Tổng kết nạp
export-report-madeFull = Chuyển đảng chính thức
export-report-removedStruckOff = Xóa tên
export-report-removedExpelled = Khai trừ
export-report-removedResigned = Xin ra khỏi Đảng
export-report-removedDied = Từ trần
export-report-removedUnclassified = Giảm, chưa phân loại (báo cáo cũ)
export-report-removedTotal = Tổng đảng viên giảm
export-report-removedReason = Lý do các trường hợp giảm
export-report-transferredIn = Chuyển sinh hoạt đến
export-report-transferredOut = Chuyển sinh hoạt đi
export-report-note = Khó khăn, đề xuất
export-report-late = Nộp muộn
export-report-submittedAt = Thời điểm gửi
export-report-version = Phiên bản
export-meeting-code = Mã chi bộ
export-meeting-name = Tên chi bộ
export-meeting-kind = Loại
export-meeting-heldOn = Ngày
export-meeting-topic = Chuyên đề
export-meeting-place = Địa điểm
export-meeting-chair = Chủ trì
export-meeting-recorder = Thư ký
export-meeting-onRoll = Số đảng viên
export-meeting-present = Có mặt
export-meeting-absentExcused = Vắng có lý do
export-meeting-absentUnexcused = Vắng không lý do
export-meeting-attendanceRate = Tỷ lệ dự
export-meeting-attachments = Số tệp đính kèm
export-progress-code = Mã chi bộ
export-progress-name = Tên chi bộ
export-progress-quota = Chỉ tiêu năm
export-progress-admitted = Đã kết nạp
export-progress-rate = Tỷ lệ
export-progress-quota-admittedTeachers = Chỉ tiêu: giáo viên, giảng viên
export-progress-admitted-admittedTeachers = Đã kết nạp: giáo viên, giảng viên
export-progress-rate-admittedTeachers = Tỷ lệ: giáo viên, giảng viên
export-progress-quota-admittedPupils = Chỉ tiêu: học sinh
export-progress-admitted-admittedPupils = Đã kết nạp: học sinh
export-progress-rate-admittedPupils = Tỷ lệ: học sinh
export-progress-quota-admittedStudents = Chỉ tiêu: sinh viên
export-progress-admitted-admittedStudents = Đã kết nạp: sinh viên
export-progress-rate-admittedStudents = Tỷ lệ: sinh viên
export-progress-quota-admittedOther = Chỉ tiêu: đối tượng khác
export-progress-admitted-admittedOther = Đã kết nạp: đối tượng khác
export-progress-rate-admittedOther = Tỷ lệ: đối tượng khác
export-yes = Có
export-no = Không
export-regular = Thường kỳ
export-thematic = Chuyên đề

## Biểu đồ tiến độ
chart-title = Kết nạp đảng viên năm { $year } so với chỉ tiêu
chart-subtitle = { $unit } · số liệu đến hết tháng { $period }
chart-legend-admitted = Đã kết nạp
chart-legend-ahead = Đã kết nạp, kịp tiến độ
chart-legend-behind = Đã kết nạp, chậm tiến độ
chart-legend-quota = Chỉ tiêu
chart-legend-pace = Mức cần đạt đến nay
chart-no-quota = chưa có chỉ tiêu
chart-total = Toàn đơn vị
chart-cohort-admittedTeachers = Giáo viên, giảng viên
chart-cohort-admittedPupils = Học sinh
chart-cohort-admittedStudents = Sinh viên
chart-cohort-admittedOther = Đối tượng khác
chart-more = … và { $count } chi bộ khác

## Sao lưu (npm run backup)
backup-failed = Sao lưu không thành công: { $reason }
backup-no-source = không thấy tệp cơ sở dữ liệu { $path }.
backup-exists = tệp { $path } đã có; hãy chọn tên khác.
backup-check-failed = bản sao không đạt kiểm tra ({ $result }).
backup-bad-url = biến môi trường DATABASE_URL không hợp lệ. Dùng file:./data/tro-ly-chi-bo.db (SQLite).
backup-postgres = DATABASE_URL là PostgreSQL: hãy sao lưu bằng pg_dump (xem mục "Sao lưu và khôi phục" trong README).

## Duyệt báo cáo và biên bản (review)

reason-empty = Lý do không được để trống. Đồng chí hãy gõ lý do bằng chữ.
reason-too-short = Lý do quá ngắn (ít nhất { $min } ký tự). Đồng chí hãy gõ rõ hơn.
reason-too-long = Lý do dài quá { $max } ký tự. Đồng chí hãy gõ ngắn gọn hơn.

review-title-report = báo cáo tháng { $period } của { $unit } (phiên bản { $version })
review-title-meeting = biên bản sinh hoạt { $kind } ngày { $date } của { $unit } (phiên bản { $version })
review-card-head =
    🔎 Cần duyệt: { $what }
    Người gửi: { $who }, lúc { $time }.
review-card-correction = ⚠️ Đính chính sau khóa sổ. Lý do đính chính: { $reason }
review-card-changes = Thay đổi so với phiên bản { $previous }:
review-card-change-line = • { $field }: { $before } → { $after }
review-card-no-changes = Nội dung không khác phiên bản { $previous }.
review-button-approve = ✅ Duyệt
review-button-return = ↩️ Trả lại
review-approved-toast = Đã duyệt
review-approved-done = ✅ Đã duyệt { $what }.
review-ask-reason =
    Đồng chí trả lại { $what }.
    Hãy gõ lý do trả lại (chi bộ sẽ nhận được nguyên văn). Gõ /huy nếu đổi ý.
review-returned-done =
    ↩️ Đã trả lại { $what }.
    Lý do: { $reason }
    Chi bộ đã được báo để sửa và gửi lại.
review-returned-notice =
    ↩️ { $reviewer } đã trả lại { $what }.
    Lý do: { $reason }
    Đồng chí sửa rồi gửi lại bằng nút dưới đây; bản gửi lại sẽ được duyệt lại.
review-approved-notice = ✅ { $reviewer } đã duyệt { $what }.
review-button-fix-report = ✏️ Sửa báo cáo
review-button-fix-meeting = ✏️ Sửa biên bản
review-superseded = { $what } đã được chi bộ sửa thành phiên bản mới nên không duyệt bản cũ nữa. Bản mới:
review-already-approved = { $what } đã được { $who } duyệt lúc { $time }, trước đồng chí.
review-already-returned = { $what } đã được { $who } trả lại lúc { $time }, trước đồng chí.
review-already-mine-approved = Đồng chí đã duyệt { $what } lúc { $time } rồi.
review-already-mine-returned = Đồng chí đã trả lại { $what } lúc { $time } rồi.
review-not-allowed = Đồng chí không duyệt được bản này (không thuộc đơn vị đồng chí phụ trách, hoặc bản không còn).
review-own-unit = Đồng chí là bí thư hoặc phó bí thư của { $unit }, nên không tự duyệt hay trả lại báo cáo, biên bản của chi bộ mình. Một cấp ủy viên khác sẽ duyệt.
review-lost-right-approve = Chưa duyệt { $what }: đồng chí không còn là cấp ủy viên cấp trên của chi bộ này nên không còn quyền duyệt. Không có gì được ghi.
review-lost-right-return = Chưa trả lại { $what }: đồng chí không còn là cấp ủy viên cấp trên của chi bộ này nên không còn quyền duyệt. Không có gì được ghi.
review-not-reviewer = Lệnh /choduyet dành cho cấp ủy viên và quản trị viên.
review-queue-empty = Không có báo cáo, biên bản hay bản trả lời yêu cầu nào chờ duyệt.
review-queue-head = Có { $total } bản chờ duyệt. { $shown } bản cũ nhất ở dưới:
review-queue-more = Còn { $more } bản nữa: duyệt xong các bản trên rồi gõ /choduyet để xem tiếp.
review-field-candidates = Quần chúng ưu tú
review-field-awarenessClass = Học lớp bồi dưỡng nhận thức về Đảng
review-field-applicationsInReview = Hồ sơ đề nghị kết nạp đang xét
review-field-admittedTeachers = Kết nạp: giáo viên, giảng viên
review-field-admittedPupils = Kết nạp: học sinh
review-field-admittedStudents = Kết nạp: sinh viên
review-field-admittedOther = Kết nạp: đối tượng khác
review-field-madeFull = Chuyển đảng chính thức
review-field-removedStruckOff = Xóa tên
review-field-removedExpelled = Khai trừ
review-field-removedResigned = Xin ra khỏi Đảng
review-field-removedDied = Từ trần
review-field-removedUnclassified = Giảm, chưa phân loại
review-field-removedReason = Lý do các trường hợp giảm
review-field-transferredIn = Chuyển đến
review-field-transferredOut = Chuyển đi
review-field-note = Ghi chú
review-field-kind = Loại sinh hoạt
review-field-topic = Chủ đề
review-field-heldOn = Ngày họp
review-field-place = Địa điểm
review-field-chair = Chủ trì
review-field-recorder = Thư ký
review-field-onRoll = Đảng viên trong danh sách
review-field-present = Có mặt
review-field-absentExcused = Vắng có lý do
review-field-absentUnexcused = Vắng không lý do
review-field-content = Nội dung
review-field-conclusions = Kết luận
review-field-attachments = Số tệp đính kèm

## Duyệt bản trả lời yêu cầu báo cáo (answer review): cùng cách duyệt như báo cáo tháng

answer-review-title = bản trả lời của { $unit } cho yêu cầu "{ $request }" (phiên bản { $version })
answer-review-due-on-time = Hạn trả lời: { $due }. Gửi trong hạn.
answer-review-due-late = Hạn trả lời: { $due }. ⏰ Gửi sau hạn.
answer-review-request-closed = 🔒 Yêu cầu đã kết thúc, không nhận thêm bản trả lời; bản này vẫn được duyệt.
answer-review-answers = Nội dung trả lời:
answer-review-line = • { $question }: { $answer }
answer-review-number = { $value }
answer-review-cohorts = giáo viên, giảng viên { $teachers }; học sinh { $pupils }; sinh viên { $students }; đối tượng khác { $other } (tổng { $total })
answer-review-files = { $count } tệp
answer-review-files-replaced = { $files } (tệp khác)
answer-review-button-fix = ✏️ Sửa bản trả lời
answer-review-own-unit = Đồng chí là bí thư hoặc phó bí thư của { $unit }, nên không tự duyệt hay trả lại bản trả lời của chi bộ mình. Một cấp ủy viên khác sẽ duyệt.
answer-review-returned-notice-closed =
    ↩️ { $reviewer } đã trả lại { $what }.
    Lý do: { $reason }
    Yêu cầu đã kết thúc nên không gửi lại được; nếu cần, đồng chí liên hệ đơn vị gửi yêu cầu.
answer-review-returned-done-closed =
    ↩️ Đã trả lại { $what }.
    Lý do: { $reason }
    Chi bộ đã được báo; yêu cầu đã kết thúc nên chi bộ không gửi lại được.

## Khóa sổ tháng (closing months)
close-usage =
    Cách dùng: /khoaso <tháng/năm> [mã đơn vị], ví dụ /khoaso 10/2026 DU-SGD.
    Không ghi mã đơn vị thì khóa sổ cả cây tổ chức. Chỉ khóa được khi đã qua hạn nộp báo cáo của tháng và mọi báo cáo tháng đó đã được duyệt.
close-bad-month = Chưa đọc được tháng. Gõ theo dạng tháng/năm, ví dụ /khoaso 10/2026 hoặc /khoaso 10/2026 DU-SGD.
close-not-over = Chỉ khóa sổ được tháng đã kết thúc. Tháng này và các tháng sau chưa khóa được.
close-too-early = ⏳ Chưa khóa sổ được tháng { $period }: hạn nộp báo cáo tháng này là { $deadline }, các chi bộ còn gửi đúng hạn được. Đồng chí khóa sổ từ ngày { $opens }.
close-too-old = Tháng đồng chí nêu đã cách đây quá 24 tháng; báo cáo tháng đó không còn sửa được nên không cần khóa sổ.
close-refused = ⛔ Chưa khóa sổ tháng { $period } của { $unit }: còn { $count } báo cáo chưa được duyệt:
close-unapproved-line = {"  "}• { $code }: { $name }: { $state }
close-state-pending = chờ duyệt
close-state-returned = trả lại
close-refused-hint = Khi cấp ủy đã duyệt hết các báo cáo trên, đồng chí gõ lại { $command }.
close-missing-title = Chi bộ chưa có báo cáo tháng này ({ $count }; không cản việc khóa sổ):
close-branch-line = {"  "}• { $code }: { $name }
close-done = 🔒 Đã khóa sổ tháng { $period } của { $unit }: { $approved }/{ $branches } chi bộ có báo cáo đã duyệt. Từ nay sửa báo cáo tháng này phải ghi lý do, được ghi là đính chính sau khóa sổ và phải duyệt lại.
close-already = Tháng { $period } đã khóa sổ cho { $unit } lúc { $time }. Không cần khóa lại.
audit-period-close = khóa sổ tháng { $period } của { $subject }: { $name }
audit-period-reopen = mở lại sổ tháng { $period } của { $subject }: { $name }
reopen-usage =
    Cách dùng: /mokhoa <tháng/năm> [mã đơn vị], ví dụ /mokhoa 10/2026 DU-SGD.
    Không ghi mã đơn vị thì mở sổ cả cây tổ chức. Mở sổ một đơn vị thì các đơn vị cấp dưới đã khóa riêng cũng được mở.
reopen-bad-month = Chưa đọc được tháng. Gõ theo dạng tháng/năm, ví dụ /mokhoa 10/2026 hoặc /mokhoa 10/2026 DU-SGD.
reopen-not-over = Tháng này chưa kết thúc nên chưa thể khóa sổ, không có gì để mở.
reopen-not-closed = Tháng { $period } của { $unit } chưa khóa sổ, không cần mở.
reopen-closed-above = Tháng { $period } được khóa sổ ở cấp { $above } lúc { $time }, nên không mở riêng cho { $unit } được. Muốn mở, gõ { $command } (mở cho mọi đơn vị thuộc { $above }).
reopen-done = 🔓 Đã mở lại sổ tháng { $period } của { $unit }. Từ nay sửa báo cáo tháng này không cần ghi lý do; các bản đã ghi là đính chính sau khóa sổ vẫn giữ nhãn đó.
reopen-below-title = Cũng mở sổ { $count } đơn vị cấp dưới đã khóa riêng:
report-month-closed = 🔒 Tháng { $period } đã khóa sổ. Đồng chí vẫn sửa được báo cáo, nhưng khi gửi phải ghi lý do; bản sửa được ghi là đính chính sau khóa sổ và cấp ủy sẽ duyệt lại.
report-month-closed-first = 🔒 Tháng { $period } đã khóa sổ nhưng chi bộ chưa có báo cáo tháng này. Đồng chí vẫn gửi được, không cần ghi lý do; báo cáo được ghi nhận như báo cáo nộp sau hạn và chuyển cấp ủy duyệt.
report-ask-correction-reason = Tháng { $period } đã khóa sổ. Đồng chí gõ lý do đính chính báo cáo (ít nhất { $min } ký tự), hoặc /huy để thôi, không lưu gì.
report-receipt-correction = 🔒 Bản này được ghi là đính chính sau khóa sổ (lý do: { $reason }) và đã chuyển cấp ủy duyệt lại.

## Ủy quyền cho phó bí thư (hand-over)
menu-uyquyen = Ủy quyền cho phó bí thư khi vắng
menu-nghi = Báo nghỉ, phó bí thư làm thay
invite-created-deputy =
    Link mời phó bí thư { $unit }:
    { $link }
    Link chỉ dùng được một lần và hết hạn lúc { $expires }. Đồng chí hãy gửi riêng cho phó bí thư chi bộ.
invite-role-branch = "{ $word }" không phải vai trò mời vào chi bộ { $code }. Chọn bithu (bí thư, mặc định) hoặc phobithu (phó bí thư). Ví dụ: /moi { $code } phobithu
invite-role-committee = "{ $word }" không phải vai trò mời vào { $code } (đảng ủy, đảng bộ). Ở đây chỉ mời được uyvien (cấp ủy viên), cũng là mặc định. Ví dụ: /moi { $code } uyvien
start-invite-welcome-deputy =
    Chào đồng chí { $name }! Đồng chí đã được ghi nhận là phó bí thư { $unit }.
    Đồng chí gửi được báo cáo (/baocao), biên bản (/bienban) và nhận tin nhắc hạn chỉ trong thời gian bí thư ủy quyền (/uyquyen) hoặc báo nghỉ (/nghi); bot sẽ nhắn khi đó. Lúc nào cũng xem được tiến độ bằng /tiendo. Gõ /trogiup để xem mọi lệnh.
refuse-no-longer-files = Đồng chí không còn là bí thư hay phó bí thư của { $unit } nên không gửi được. Không có gì được lưu; nếu có nhầm lẫn, đồng chí liên hệ quản trị viên.
refuse-deputy-not-delegated = Bí thư { $unit } chưa ủy quyền cho phó bí thư. Phó bí thư chỉ gửi được báo cáo, biên bản khi bí thư gõ /uyquyen hoặc báo nghỉ bằng /nghi. Không có gì được lưu.
handover-secretary-only = Lệnh này dành cho bí thư chi bộ: chỉ bí thư mới ủy quyền hoặc báo nghỉ được.
handover-lost-right = Đồng chí không còn là bí thư { $unit } nên không ủy quyền, báo nghỉ hay nhận lại được. Không có gì thay đổi.
handover-usage = Cách dùng: /uyquyen để ủy quyền cho phó bí thư khi đồng chí vắng; /uyquyen huy để nhận lại. Báo nghỉ trong một khoảng ngày: /nghi <từ ngày> <đến ngày>.
delegation-no-deputy = { $unit } chưa có phó bí thư trên Trợ lý Chi bộ nên chưa ủy quyền được. Đồng chí đề nghị quản trị viên gõ /moi { $code } phobithu rồi gửi link mời cho phó bí thư.
handover-done =
    ✅ Đã ủy quyền cho phó bí thư { $deputies } ({ $unit }) từ hôm nay. Phó bí thư gửi được báo cáo, biên bản và nhận tin nhắc hạn thay đồng chí; đồng chí vẫn gửi được như thường.
    Khi trở lại, gõ /uyquyen huy hoặc bấm Nhận lại.
handover-already = { $unit } đang ủy quyền cho phó bí thư { $deputies } từ { $since }. Gõ /uyquyen huy hoặc bấm Nhận lại để nhận lại.
handover-button-take-back = Nhận lại
handover-none = { $unit } không có ủy quyền nào đang hiệu lực. Gõ /uyquyen để ủy quyền cho phó bí thư.
handover-taken-back = ✅ Đồng chí đã nhận lại việc báo cáo của { $unit }. Tin nhắc hạn lại gửi cho đồng chí; phó bí thư { $deputies } không gửi thay được nữa.
handover-absences-remain = Lưu ý: lịch nghỉ { $spans } vẫn còn, trong những ngày đó phó bí thư vẫn làm thay. Gõ /nghi huy để hủy.
handover-deputy-started = 📌 Đồng chí { $secretary }, bí thư { $unit }, đã ủy quyền cho đồng chí từ hôm nay. Đồng chí gửi báo cáo bằng /baocao, biên bản bằng /bienban và nhận tin nhắc hạn cho đến khi bí thư nhận lại.
handover-deputy-ended = Đồng chí { $secretary }, bí thư { $unit }, đã nhận lại việc báo cáo. Đồng chí không gửi báo cáo, biên bản thay bí thư nữa.
absence-usage =
    Cách dùng: /nghi <từ ngày> <đến ngày>, ví dụ /nghi 01/12/2026 10/12/2026 hoặc /nghi 1/12 10/12 (không ghi năm là lần tới của ngày đó).
    Trong những ngày nghỉ, phó bí thư gửi báo cáo, biên bản và nhận tin nhắc hạn thay đồng chí. Tối đa { $max } ngày. /nghi huy để hủy lịch nghỉ.
absence-list-title = Lịch nghỉ, ủy quyền đang có:
absence-list-line = {"  "}• { $unit }: nghỉ { $spans }
absence-list-handover = {"  "}• { $unit }: ủy quyền cho phó bí thư từ { $since } (/uyquyen huy để nhận lại)
absence-list-none = {"  "}(chưa có)
absence-problem-format = Chưa đọc được hai ngày. Xin gõ /nghi <từ ngày> <đến ngày>, ví dụ /nghi 01/12/2026 10/12/2026 hoặc /nghi 1/12 10/12.
absence-problem-invalid = Có ngày không có trong lịch (ví dụ 31/11). Xin kiểm tra lại ngày và tháng.
absence-problem-end-before-start = Ngày kết thúc đứng trước ngày bắt đầu. Xin gõ ngày bắt đầu trước, ngày kết thúc sau, ví dụ /nghi 1/12 10/12.
absence-problem-past = Những ngày này đã qua. Chỉ ghi được lịch nghỉ đang diễn ra hoặc sắp tới.
absence-problem-too-long = Lịch nghỉ dài quá { $max } ngày. Vắng lâu hơn, đồng chí dùng /uyquyen (đến khi nhận lại) hoặc đề nghị quản trị viên kiện toàn bí thư.
absence-overlap = { $unit } đã có lịch nghỉ { $spans } trùng với những ngày này. Gõ /nghi huy để hủy lịch cũ rồi ghi lại.
absence-recorded = ✅ Đã ghi lịch nghỉ của đồng chí ở { $unit } từ { $from } đến { $to }. Trong những ngày này phó bí thư { $deputies } gửi báo cáo, biên bản và nhận tin nhắc hạn thay đồng chí. Gõ /nghi huy để hủy.
absence-deputy-recorded = 📌 Đồng chí { $secretary }, bí thư { $unit }, nghỉ từ { $from } đến { $to }. Trong những ngày đó đồng chí gửi báo cáo (/baocao), biên bản (/bienban) và nhận tin nhắc hạn thay bí thư.
absence-none-to-cancel = { $unit } không có lịch nghỉ nào đang diễn ra hoặc sắp tới.
absence-cancelled = ✅ Đã hủy lịch nghỉ của { $unit }: { $spans }.
absence-deputy-cancelled = Đồng chí { $secretary }, bí thư { $unit }, đã hủy lịch nghỉ { $spans }.
audit-delegation-handover = bí thư { $subject } ủy quyền cho phó bí thư { $name }
audit-delegation-takeback = bí thư { $subject } nhận lại ủy quyền
audit-delegation-absence = bí thư { $subject } báo nghỉ { $name }
audit-delegation-cancel = bí thư { $subject } hủy lịch nghỉ

## Trạng thái duyệt trong tổng hợp và tệp xuất (review states)
totals-approved = chỉ tính báo cáo đã duyệt
totals-all = tính cả báo cáo chưa duyệt
digest-review = {"  "}Duyệt: { $parts }
digest-review-approved = { $count } đã duyệt
digest-review-pending = { $count } chờ duyệt
digest-review-returned = { $count } trả lại
digest-review-late-correction = { $count } đính chính sau khóa sổ
digest-totals = ℹ️ Số liệu { $basis }.
export-unreviewed = ⚠️ { $count } chi bộ chưa có cấp ủy viên duyệt: báo cáo của các chi bộ này được tính ngay khi gửi.
export-totals = Trang "Tiến độ chỉ tiêu" { $basis }; trạng thái duyệt của từng báo cáo, biên bản ghi ở cột "Trạng thái duyệt".
export-report-reviewState = Trạng thái duyệt
export-report-lateCorrection = Đính chính sau khóa sổ
export-report-correctionReason = Lý do đính chính
export-meeting-reviewState = Trạng thái duyệt
export-review-approved = Đã duyệt
export-review-pending = Chờ duyệt
export-review-returned = Trả lại
export-review-late-correction = Đính chính sau khóa sổ, chờ duyệt
totals-usage =
    Cách dùng: /tinhtong <mã đơn vị> [daduyet|tatca]
    daduyet: tổng hợp và tệp xuất chỉ tính báo cáo đã duyệt (mặc định); tatca: tính cả báo cáo chưa duyệt. Không ghi lựa chọn thì xem cách đang dùng.
    Ví dụ: /tinhtong DU-SGD tatca
totals-your-units = Đơn vị đồng chí là cấp ủy viên: { $codes }
totals-not-committee = Lệnh /tinhtong dành cho cấp ủy viên và quản trị viên.
totals-unit-missing = Không có đơn vị mã { $code }. Xin kiểm tra lại mã đảng ủy, đảng bộ.
totals-branch = { $code } là chi bộ. Cách tính tổng được chọn cho đảng ủy, đảng bộ nhận tổng hợp, không chọn riêng cho từng chi bộ.
totals-not-allowed = Đồng chí không phải cấp ủy viên của { $unit } nên không xem, không chọn được cách tính tổng của đơn vị này.
totals-bad-word = "{ $word }" không phải lựa chọn. Gõ daduyet (chỉ tính báo cáo đã duyệt) hoặc tatca (tính cả báo cáo chưa duyệt).
totals-show-default = 📐 Tổng hợp và tệp xuất của { $unit } { $basis } (mặc định).
totals-show-own = 📐 Tổng hợp và tệp xuất của { $unit } { $basis } (đơn vị đã chọn).
totals-show-inherited = 📐 Tổng hợp và tệp xuất của { $unit } { $basis } (theo lựa chọn của { $from }).
totals-show-hint = Đổi bằng /tinhtong { $code } daduyet hoặc /tinhtong { $code } tatca.
totals-set = ✅ Từ nay tổng hợp và tệp xuất của { $unit } { $basis }. Đơn vị trực thuộc chưa chọn riêng cũng tính như vậy.
totals-unchanged = { $unit } đã chọn { $basis } từ trước; không có gì thay đổi.
audit-groupNames-set = tên người trong tổng hợp ở nhóm của { $subject } ({ $name }): { $after }
names-shown = hiện tên
names-hidden = ẩn tên
names-usage =
    Cách dùng: /caidat <mã đơn vị> [tên hiện|tên ẩn]: tổng hợp và danh sách chậm báo cáo trong nhóm của đơn vị có ghi tên bí thư các chi bộ chưa gửi hay không. Mặc định: ẩn tên; trong trò chuyện riêng, cấp ủy viên luôn thấy tên.
    Ví dụ: /caidat DU-SGD tên hiện
names-bad-word = "{ $word }" không phải lựa chọn. Gõ "tên hiện" (ghi tên) hoặc "tên ẩn" (không ghi tên).
names-branch = { $code } là chi bộ. Việc hiện tên trong nhóm được chọn cho đảng ủy, đảng bộ có nhóm nhận tổng hợp.
names-not-allowed = Đồng chí không phải cấp ủy viên của { $unit } nên không xem, không chọn được việc hiện tên trong nhóm của đơn vị này.
names-show-shown = 👥 Tổng hợp và danh sách chậm báo cáo trong nhóm của { $unit } có ghi tên bí thư các chi bộ chưa gửi. Đổi bằng /caidat { $code } tên ẩn.
names-show-hidden = 👥 Tổng hợp và danh sách chậm báo cáo trong nhóm của { $unit } không ghi tên người. Đổi bằng /caidat { $code } tên hiện.
names-set-shown = ✅ Từ nay tổng hợp và danh sách chậm báo cáo trong nhóm của { $unit } ghi tên bí thư các chi bộ chưa gửi.
names-set-hidden = ✅ Từ nay tổng hợp và danh sách chậm báo cáo trong nhóm của { $unit } không ghi tên người.
names-unchanged = { $unit } đã chọn như vậy từ trước; không có gì thay đổi.
audit-totals-set = cách tính tổng của { $subject } ({ $name }): { $after }
progress-review-approved = {" "}· đã duyệt
progress-review-pending = {" "}· chờ duyệt
progress-review-returned = {" "}· bị trả lại
progress-review-late-correction = {" "}· đính chính sau khóa sổ, chờ duyệt
progress-review-count-approved = { $count } đã duyệt
progress-review-count-pending = { $count } chờ duyệt
progress-review-count-returned = { $count } bị trả lại
progress-review-count-late-correction = { $count } đính chính sau khóa sổ, chờ duyệt

# People change: /thanhvien, replacing invites, full name and position (/hoso)
help-common-hoso = /hoso: họ và tên, chức vụ của đồng chí
menu-hoso = Họ và tên, chức vụ
invite-has-secretary =
    { $unit } đã có bí thư: đồng chí { $name }. Mỗi chi bộ có một bí thư, nên chưa tạo link.
    Mời bí thư mới thay đồng chí ấy: /moi { $code } bithu thaythe (khi người mới nhận link, đồng chí { $name } thôi vai trò bí thư).
    Chỉ bỏ vai trò của bí thư hiện tại: /thanhvien { $code }.
invite-replace-secretary-only = Chỉ lời mời bí thư mới thay thế được người đang giữ vai trò (chi bộ có một bí thư; phó bí thư và cấp ủy viên thì nhiều người cùng giữ). Ví dụ: /moi { $code } bithu thaythe
invite-replace-nobody = { $unit } chưa có bí thư nên không có ai để thay. Gõ /moi { $code } để tạo link mời bí thư.
invite-created-replacing =
    Link mời bí thư mới của { $unit }, thay bí thư hiện tại:
    { $link }
    Khi người được mời mở link, bí thư hiện tại thôi vai trò (không gửi, không xem được gì của chi bộ, không nhận tin nhắc nữa). Link chỉ dùng được một lần và hết hạn lúc { $expires }.
start-invite-taken = { $unit } đã có bí thư (đồng chí { $name }) từ khi link này được tạo, nên link không dùng được. Nếu đồng chí đến thay bí thư hiện tại, xin đề nghị quản trị viên tạo link thay thế (/moi <mã> bithu thaythe).
start-invite-replaced = Đồng chí thay đồng chí { $names } làm bí thư { $unit }.
members-usage = Cách dùng: /thanhvien <mã đơn vị>. Ví dụ: /thanhvien CB-QT. Gõ /donvi để xem các mã.
members-unit-missing = Không có đơn vị mã { $code }. Gõ /donvi để xem các mã.
members-empty = { $unit } chưa có ai. Gõ /moi { $code } để tạo link mời.
members-title = 👥 { $code }: { $unit } ({ $count } người)
members-line = { $n }. { $title } · { $role } · từ { $since }
members-hint = Bấm một nút để bỏ vai trò của người đó (bot hỏi lại trước khi bỏ).
members-button = ❌ { $n }. { $name } ({ $role })
members-confirm =
    Bỏ vai trò { $role } { $unit } của đồng chí { $title }?
    Đồng chí ấy sẽ không gửi, duyệt hay xem được gì của đơn vị này nữa và không nhận tin nhắc; biểu mẫu đang mở dở của đồng chí ấy không gửi được. Báo cáo, biên bản đã gửi vẫn được giữ.
members-confirm-yes = ✅ Bỏ vai trò
members-confirm-no = Giữ lại
members-kept-plain = Không bỏ vai trò nào.
members-removed = ✅ Đã bỏ vai trò { $role } { $unit } của đồng chí { $name }. Ghi trong /nhatky.
members-gone = Vai trò này không còn (đã bỏ hoặc đã được thay trước đó). Gõ /thanhvien để xem lại.
members-bad-button = Nút này không hợp lệ. Gõ /thanhvien <mã đơn vị> để xem lại.
members-removed-notice = Quản trị viên đã bỏ vai trò { $role } { $unit } của đồng chí. Từ nay đồng chí không gửi, không xem được gì của đơn vị này và không nhận tin nhắc. Nếu có nhầm lẫn, đồng chí liên hệ quản trị viên.
members-replaced-notice = Đồng chí { $name } đã nhận làm bí thư { $unit } thay đồng chí. Từ nay đồng chí không gửi, không xem được gì của chi bộ này và không nhận tin nhắc. Nếu có nhầm lẫn, đồng chí liên hệ quản trị viên.
refuse-removed =
    Đồng chí không còn vai trò nào trong Trợ lý Chi bộ (quản trị viên đã bỏ hoặc đã có người thay), nên việc đang làm dở không gửi được và không có gì được lưu.
    Nếu có nhầm lẫn, đồng chí liên hệ quản trị viên. Mã Telegram của đồng chí: { $id }.
audit-member-remove = bỏ vai trò { $role } { $subject } của { $person }
audit-member-replace = { $by } thay { $person } làm { $role } { $subject }
audit-profile-set = { $person } đổi họ tên, chức vụ
audit-someone = mã Telegram { $id }
audit-admin = quản trị viên (mã { $id })
profile-ask-name = Để báo cáo, biên bản và tổng hợp ghi đúng người, xin đồng chí cho biết họ và tên đầy đủ (ví dụ: Nguyễn Thị Lan).
profile-ask-name-again = Họ và tên hiện ghi: { $name }. Gõ họ và tên mới, hoặc bấm "Giữ nguyên".
profile-ask-position = Chức vụ của đồng chí (ví dụ: Bí thư chi bộ, Phó Ban Tổ chức Đảng ủy)?
profile-ask-position-again = Chức vụ hiện ghi: { $position }. Gõ chức vụ mới, hoặc bấm "Giữ nguyên".
profile-button-later = Để sau
profile-button-keep = Giữ nguyên
profile-button-none = Không ghi chức vụ
profile-later = Đồng chí có thể ghi họ và tên, chức vụ lúc nào cũng được bằng /hoso. Tạm thời bot ghi tên theo Telegram: { $name }.
profile-saved = ✅ Đã ghi: đồng chí { $title }. Tên này hiện trong báo cáo, biên bản, thẻ duyệt, /donvi, /nhatky và tệp Excel; đổi lại bằng /hoso.
profile-name-empty = Chưa thấy họ và tên. Xin gõ họ và tên đầy đủ, ví dụ: Nguyễn Thị Lan.
profile-name-too-long = Họ và tên dài quá { $max } ký tự. Xin gõ lại.
profile-name-characters = Họ và tên chỉ gồm chữ cái, dấu cách và dấu chấm, gạch nối. Xin gõ lại, ví dụ: Nguyễn Thị Lan.
profile-name-one-word = Xin gõ đủ họ và tên (ít nhất hai chữ), ví dụ: Nguyễn Thị Lan.
profile-position-empty = Chưa thấy chức vụ. Xin gõ chức vụ, ví dụ: Bí thư chi bộ.
profile-position-too-long = Chức vụ dài quá { $max } ký tự. Xin gõ gọn hơn.
profile-position-characters = Chức vụ chỉ gồm chữ, số và dấu câu thông thường. Xin gõ lại, ví dụ: Phó Ban Tổ chức.
export-report-submittedBy = Người gửi
export-meeting-submittedBy = Người gửi
# /yeucau: requests for figures by a date (src/bot/requests, src/messages/request-*.ts)
request-not-allowed = Chỉ cấp ủy viên (cho các chi bộ trực thuộc đảng ủy của mình) và quản trị viên mới tạo được yêu cầu báo cáo.
request-ask-start = Đồng chí muốn bắt đầu từ đâu?
request-start-blank = 📄 Yêu cầu trống
request-start-template = 📑 Mẫu: Báo cáo chuyên đề tạo nguồn phát triển đảng viên
request-start-copy = 📋 Sao chép một yêu cầu trước
request-ask-copy = Sao chép yêu cầu nào? (tên, câu hỏi được chép; đơn vị và hạn chọn lại)
request-copy-button = { $title } (hạn { $due })
request-copy-missing = Không tìm thấy yêu cầu này trong phạm vi của đồng chí, nên bắt đầu từ yêu cầu trống.
request-ask-year = Số liệu điền sẵn cho chi bộ (kết nạp đảng viên theo đối tượng) tính từ năm nào? Mặc định { $year }, năm đầu nhiệm kỳ ("từ năm 2020 đến nay" như đề cương). Bấm nút hoặc gõ năm, ví dụ 2021.
request-year-format = Xin gõ một năm có bốn chữ số, ví dụ 2020.
request-year-future = Năm này chưa đến. Xin gõ năm hiện tại hoặc một năm trước đó.
request-year-too-old = Năm này quá xa (trước năm 2000), bot không có báo cáo nào. Xin gõ năm gần hơn, ví dụ 2020.
request-ask-title = Tên của yêu cầu (tối đa { $max } ký tự), ví dụ: Báo cáo công tác tạo nguồn phát triển đảng viên năm 2026.
request-keep-title = Giữ tên này
request-ask-unit = Gửi tới các chi bộ của đơn vị nào? Bấm nút, hoặc gõ mã đơn vị (ví dụ CB-QT hay một đảng bộ cơ sở): yêu cầu đến mọi chi bộ trực thuộc đơn vị đó.
request-unit-button = { $unit } ({ $count } chi bộ)
request-unit-bad-code = "{ $code }" không phải là mã đơn vị. Mã gồm chữ, số và dấu gạch, ví dụ CB-QT.
request-unit-missing = Không có đơn vị nào mã "{ $code }". Xin gõ lại mã, hoặc bấm một nút.
request-unit-outside = { $unit } không thuộc đảng ủy của đồng chí, nên đồng chí không gửi yêu cầu tới đó được. Xin chọn đơn vị của mình hoặc một đơn vị trực thuộc.
request-unit-no-branches = { $unit } chưa có chi bộ nào trực thuộc, nên không có ai nhận yêu cầu. Xin chọn đơn vị khác.
request-ask-due = Hạn trả lời? Gõ ngày dd/mm/yyyy, có thể thêm giờ hh:mm, ví dụ 15/12/2026 hoặc 15/12/2026 17:00 (không ghi giờ: hết ngày hôm đó).
request-keep-due = Giữ hạn { $due }
request-due-format = Không đọc được ngày này. Xin gõ theo dạng dd/mm/yyyy, có thể thêm giờ hh:mm, ví dụ 15/12/2026 17:00.
request-due-invalid = Ngày hoặc giờ này không có thật (ví dụ 31/11 hay 25:00). Xin kiểm tra và gõ lại.
request-due-past = Hạn này đã qua. Xin chọn một ngày (và giờ) sắp tới.
request-due-too-far = Hạn này cách hôm nay hơn một năm; có thể gõ nhầm năm. Xin kiểm tra và gõ lại.
request-due-holiday = ⚠️ Hạn { $due } trùng ngày nghỉ { $holiday }, nên hạn trả lời lùi sang { $moved } (ngày làm việc tiếp theo). Muốn chọn ngày khác, bấm "Sửa một mục" ở bước xem lại.
request-due-passed = ⚠️ Hạn trả lời { $due } đã qua, nên chưa gửi được. Xin chọn hạn mới.
request-ask-first-question = Yêu cầu cần ít nhất một câu hỏi. Chọn loại câu hỏi thứ nhất:
request-ask-more = Thêm câu hỏi (tối đa { $max }), bỏ một câu, hoặc bấm "Xong".
request-questions-none = Yêu cầu chưa có câu hỏi nào, nên chưa gửi được. Xin thêm ít nhất một câu hỏi.
request-button-remove = 🗑 Bỏ một câu hỏi
request-button-done = ✅ Xong
request-ask-remove = Bỏ câu hỏi số mấy?
request-ask-question-title = Câu hỏi loại "{ $kind }": gõ nội dung câu hỏi (tối đa { $max } ký tự).
request-ask-options = Gõ các phương án để chọn, mỗi phương án một dòng (từ 2 đến { $max } phương án).
request-options-too-few = Cần ít nhất hai phương án, mỗi phương án một dòng (một phương án thì không có gì để chọn). Xin gõ lại.
request-options-too-many = Nhiều nhất { $max } phương án. Xin gõ gọn lại.
request-options-too-long = Mỗi phương án tối đa { $length } ký tự. Xin gõ gọn lại.
request-options-repeated = Có phương án bị lặp lại. Xin gõ mỗi phương án một lần.
request-kind-NUMBER = 🔢 Một số
request-kind-COHORTS = 👥 Số theo đối tượng
request-kind-SHORT_TEXT = ✏️ Trả lời ngắn
request-kind-LONG_TEXT = 📝 Nội dung dài
request-kind-FILES = 📎 Tệp, ảnh
request-kind-CHOICE = ☑️ Chọn phương án
request-questions-head = Câu hỏi ({ $count }):
request-question-line = { $n }. { $section }{ $title } ({ $kind })
request-summary-head = 📋 Yêu cầu: { $title }
request-summary-head-change = ✏️ Sửa yêu cầu: { $title } (lần sửa { $revision })
request-summary-unit = Gửi tới: các chi bộ của { $unit } ({ $count } chi bộ)
request-summary-due = Hạn trả lời: { $due }
request-summary-year = Số liệu điền sẵn tính từ năm { $year }
request-summary-prompt = Kiểm tra lại rồi bấm Gửi, sửa một mục, hoặc hủy.
request-button-send = ✅ Gửi yêu cầu
request-button-send-change = ✅ Gửi bản sửa
request-part-title = Tên yêu cầu
request-part-unit = Đơn vị nhận
request-part-due = Hạn trả lời
request-part-questions = Câu hỏi
request-part-year = Năm bắt đầu tính
request-cancelled = Đã hủy, yêu cầu chưa được gửi và không có gì được lưu.
request-change-cancelled = Đã hủy, yêu cầu giữ nguyên như trước.
request-sent = ✅ Đã gửi yêu cầu "{ $title }" tới { $count }/{ $total } chi bộ, hạn trả lời { $due }.
request-sent-change = ✅ Đã gửi bản sửa (lần sửa { $revision }) của yêu cầu "{ $title }" tới { $count }/{ $total } chi bộ, hạn trả lời { $due }. Nút trả lời của bản cũ không còn dùng được.
request-sent-unreached = ⚠️ { $count } chi bộ chưa có bí thư (hay phó bí thư được ủy quyền) trên bot nên chưa nhận được: { $units }. Mời bí thư bằng /moi, rồi sửa yêu cầu để gửi lại.
request-send-not-allowed = Đồng chí không còn quyền gửi yêu cầu tới đơn vị này, nên yêu cầu chưa được gửi.
request-send-closed = Yêu cầu này đã đóng, nên không sửa được nữa.
request-send-conflict = Yêu cầu vừa được sửa ở nơi khác (nay là lần sửa { $revision }), nên bản sửa này chưa được gửi. Xin mở lại yêu cầu để sửa từ bản mới nhất.
request-send-invalid = Yêu cầu chưa đủ (chưa có câu hỏi hoặc hạn không hợp lệ), nên chưa được gửi.
request-change-missing = Không tìm thấy yêu cầu này. Gõ /yeucau để xem lại.
request-change-not-yours = Chỉ người tạo yêu cầu (hoặc quản trị viên) mới sửa được yêu cầu này.
request-change-closed = Yêu cầu này đã đóng, nên không sửa được nữa.
request-delivery-new = 📋 Yêu cầu báo cáo: { $title }
request-delivery-changed = ✏️ Yêu cầu báo cáo đã được sửa (lần sửa { $revision }): { $title }
request-delivery-who = Người yêu cầu: { $who }, cấp ủy viên { $committee }
request-delivery-who-admin = Người yêu cầu: { $who }, quản trị viên
request-delivery-for = Chi bộ trả lời: { $branches }
request-delivery-what = Nội dung: { $count } câu hỏi
request-delivery-due = Hạn trả lời: { $due }
request-button-answer = ✍️ Trả lời
request-tpl-title = Báo cáo chuyên đề công tác tạo nguồn phát triển đảng viên trong đội ngũ giáo viên, giảng viên, học sinh, sinh viên
request-tpl-i1 = Đặc điểm tình hình đơn vị: tình hình đội ngũ học sinh, sinh viên
request-tpl-i2 = Đặc điểm tình hình đơn vị: tình hình tổ chức đảng, đảng viên trong đơn vị
request-tpl-members-now = Số đảng viên hiện có
request-tpl-ii1 = Việc tổ chức nghiên cứu, quán triệt cụ thể hoá và triển khai thực hiện các nghị quyết, chỉ thị, quy định về công tác kết nạp đảng viên nói chung và kết nạp đảng viên là giáo viên, giảng viên, học sinh, sinh viên
request-tpl-ii2 = Công tác tạo nguồn kết nạp đảng viên là giáo viên, giảng viên, học sinh, sinh viên
request-tpl-candidates-now = Quần chúng ưu tú hiện có theo đối tượng
request-tpl-ii3 = Kết quả kết nạp đảng viên là giáo viên, giảng viên, học sinh, sinh viên
request-tpl-admitted-since = Kết nạp đảng viên theo đối tượng từ năm { $year } đến nay
request-tpl-ii4 = Đánh giá chung: ưu điểm, nguyên nhân; hạn chế, nguyên nhân
request-tpl-ii5 = Bài học kinh nghiệm
request-tpl-iii1 = Nhiệm vụ, giải pháp trong thời gian tới
request-tpl-iii2 = Đề xuất, kiến nghị

## Yêu cầu báo cáo theo hạn (/yeucau): danh sách, tình hình, nhắc, đóng, xuất
rq-list-title = 📋 Yêu cầu báo cáo (trang { $page }/{ $pages }, { $total } yêu cầu). Bấm một yêu cầu để xem tình hình:
rq-list-line = { $n }. { $title } · hạn { $due } · { $answered }/{ $targets } chi bộ đã trả lời
rq-list-line-closed = { $n }. 🔒 { $title } · hạn { $due } · { $answered }/{ $targets } chi bộ đã trả lời · đã đóng
rq-list-own-answered = {" "}· chi bộ đồng chí đã trả lời
rq-list-own-missing = {" "}· chi bộ đồng chí chưa trả lời
rq-list-button = { $n }. { $title }
rq-list-previous = ◀️ Trang trước
rq-list-next = Trang sau ▶️
rq-list-new = ➕ Tạo yêu cầu mới
rq-list-empty = Chưa có yêu cầu báo cáo nào gửi đến chi bộ của đồng chí.
rq-list-empty-creator = Chưa có yêu cầu báo cáo nào. Bấm "➕ Tạo yêu cầu mới" để đề nghị các chi bộ báo cáo số liệu theo hạn.
rq-missing = Không tìm thấy yêu cầu báo cáo này. Gõ /yeucau để xem danh sách.
rq-refused = Đồng chí không xem được yêu cầu báo cáo này: yêu cầu không gửi đến chi bộ của đồng chí và không thuộc đơn vị đồng chí là cấp ủy viên.
rq-status-title = 📋 { $title }
rq-status-due = Hạn báo cáo: { $due } · đang nhận trả lời
rq-status-due-closed = Hạn báo cáo: { $due } · 🔒 đã đóng
rq-status-answered = { $answered }/{ $targets } chi bộ đã trả lời: { $approved } đã duyệt, { $pending } chờ duyệt, { $returned } trả lại.
rq-status-own-answered = ✅ { $name } đã trả lời.
rq-status-own-missing = ⏳ { $name } chưa trả lời.
rq-status-missing = ⏳ Chưa trả lời ({ $count } chi bộ):
rq-status-missing-line = {"  "}· { $name }, bí thư: { $secretary }
rq-status-missing-line-nobody = {"  "}· { $name }, chưa có bí thư
rq-status-more = {"  "}… và { $count } chi bộ khác (xem đủ trong tệp xuất).
rq-status-late = ⚠️ Trả lời sau hạn ({ $count } chi bộ):
rq-status-late-line = {"  "}· { $name }
rq-button-remind = 🔔 Nhắc các chi bộ chưa trả lời
rq-button-close = 🔒 Đóng yêu cầu
rq-button-export = 📥 Xuất
rq-button-edit = ✏️ Sửa
rq-button-copy = 📄 Sao chép
rq-remind-done = 🔔 Đã nhắc { $branches } chi bộ chưa trả lời ({ $chats } đồng chí bí thư, phó bí thư nhận tin nhắc). Mỗi ngày nhắc được một lần.
rq-remind-already = Hôm nay đã nhắc các chi bộ chưa trả lời yêu cầu này rồi. Ngày mai đồng chí có thể nhắc lại.
rq-remind-closed = Yêu cầu này đã đóng nên không nhắc nữa.
rq-remind-nobody = Tất cả chi bộ đã trả lời, không còn chi bộ nào phải nhắc.
rq-reminder =
    🔔 Nhắc báo cáo: { $title }
    Hạn báo cáo: { $due }. Chưa nhận được trả lời của: { $branches }.
    Đề nghị đồng chí bấm nút dưới đây để trả lời.
rq-reminder-button = ✍️ Trả lời yêu cầu
rq-close-confirm = Đóng yêu cầu "{ $title }"? Sau khi đóng, các chi bộ không trả lời, không sửa câu trả lời được nữa; các câu trả lời đã nhận vẫn xuất được.
rq-close-yes = 🔒 Đóng yêu cầu
rq-close-no = Không đóng
rq-close-done = 🔒 Đã đóng yêu cầu "{ $title }". Các câu trả lời đã nhận vẫn xuất được (📥 Xuất).
rq-close-already = Yêu cầu "{ $title }" đã đóng trước đó.
rq-close-already-plain = Yêu cầu này đã đóng trước đó; không có gì thay đổi.
audit-request-close = đóng yêu cầu báo cáo "{ $name }"
rq-export-preparing = Đang lập tệp Excel và dự thảo báo cáo…
rq-export-caption = 📥 { $title }: { $answered }/{ $targets } chi bộ đã trả lời. Tệp Excel mỗi chi bộ một dòng.
rq-export-draft-caption = 📄 Dự thảo báo cáo tổng hợp theo đề cương của yêu cầu, để Ban Tổ chức biên tập.
rq-export-sheet = Trả lời của các chi bộ
rq-export-code = Mã chi bộ
rq-export-branch = Chi bộ
rq-export-cohort-teachers = Giáo viên, giảng viên
rq-export-cohort-pupils = Học sinh
rq-export-cohort-students = Sinh viên
rq-export-cohort-other = Khác
rq-export-total = Tổng
rq-export-answered-by = Người trả lời
rq-export-answered-at = Thời gian trả lời
rq-export-version = Phiên bản
rq-export-late = Sau hạn
rq-export-review = Duyệt
rq-draft-report = BÁO CÁO
rq-draft-party = ĐẢNG CỘNG SẢN VIỆT NAM
rq-draft-due = (Hạn báo cáo: { $due })
rq-draft-answered = Tổng hợp từ { $answered }/{ $targets } chi bộ đã trả lời
rq-draft-note = Dự thảo do Trợ lý Chi bộ tổng hợp từ trả lời của các chi bộ; đề nghị Ban Tổ chức rà soát, bổ sung trước khi ban hành.
rq-draft-value = Số liệu
rq-draft-total-row = Tổng cộng
rq-draft-approved = (đã duyệt)
rq-draft-no-answer = Chưa có chi bộ nào trả lời mục này.
rq-draft-no-files = Không gửi tệp.
rq-draft-missing = Các chi bộ chưa trả lời: { $names }.

## Trả lời yêu cầu báo cáo (src/bot/requests/answer-*.ts)
request-button-forged = Nút này không thuộc yêu cầu báo cáo nào. Xin bấm nút "✍️ Trả lời" dưới tin nhắn yêu cầu.
request-answer-missing = Không tìm thấy yêu cầu báo cáo này. Không có gì được lưu.
request-answer-closed = Yêu cầu "{ $title }" đã kết thúc nên không nhận trả lời nữa. Không có gì được lưu.
request-answer-closed-at = Yêu cầu "{ $title }" đã kết thúc lúc { $time } nên không nhận trả lời nữa. Không có gì được lưu.
request-answer-closed-by = Yêu cầu "{ $title }" đã được { $by } kết thúc lúc { $time } nên không nhận trả lời nữa. Không có gì được lưu.
request-answer-old-revision = Yêu cầu "{ $title }" đã được sửa (lần { $revision }) sau khi tin nhắn này được gửi, nên nút cũ không dùng được nữa. Không có gì được lưu. Xin bấm nút dưới đây để trả lời theo nội dung mới.
request-answer-not-filer = Yêu cầu "{ $title }" gửi đến bí thư (hoặc phó bí thư đang trực) của các chi bộ được hỏi. Hôm nay đồng chí không trả lời thay chi bộ nào trong số đó. Không có gì được lưu.
request-answer-no-longer-target = { $unit } không còn trong danh sách chi bộ được hỏi của yêu cầu này. Không có gì được lưu.
request-answer-invalid = Một số câu trả lời không hợp lệ nên chưa được lưu. Xin bấm lại nút "✍️ Trả lời" để trả lời lại.
request-answer-intro = 📝 Trả lời yêu cầu "{ $title }" cho { $unit }. Hạn trả lời: { $deadline }. Có { $count } câu hỏi.
request-answer-amending = Chi bộ đã trả lời (bản số { $version }, lúc { $time }). Bấm "Giữ nguyên" ở câu không thay đổi; bản mới sẽ thay bản cũ, bản cũ vẫn được lưu.
request-question-number = Câu { $n }/{ $of }:
request-hint-number = Xin nhập một số nguyên (ví dụ 3).
request-hint-cohorts = Xin nhập 4 số cách nhau bằng dấu cách, theo thứ tự: { $order } (ví dụ: 1 2 0 3).
request-hint-cohorts-total = Tổng số là { $total }: 4 số phải cộng lại bằng { $total }.
request-hint-text = Xin nhập nội dung (tối đa { $max } ký tự).
request-hint-choice = Xin bấm một phương án.
request-hint-files = Gửi ảnh, tệp PDF hoặc tệp Word (.docx), mỗi lần một tệp (tối đa { $max } tệp, mỗi tệp tối đa { $mb } MB), rồi bấm Xong.
request-files-more = Đã nhận { $count } tệp. Gửi thêm ảnh, PDF hoặc Word, hoặc bấm Xong.
request-files-none = Không có tệp
request-files-done = Xong
request-files-count = { $count } tệp
request-button-right = ✅ Đúng: { $value }
request-button-keep = Giữ nguyên
answer-button-send = ✅ Gửi trả lời
request-cohort-teachers = giáo viên, giảng viên
request-cohort-pupils = học sinh
request-cohort-students = sinh viên
request-cohort-other = khác
request-cohorts-shown = { $parts } (tổng { $total })
request-cohorts-sum = Cộng 4 số là { $sum }, không bằng tổng số { $total }. Xin nhập lại sao cho cộng lại bằng { $total }.
request-cohorts-count = Cần đúng { $expected } số (đã nhập { $got }), theo thứ tự: { $order }.
request-cohorts-number = Số của đối tượng { $cohort } không hợp lệ: { $why }
request-text-too-long = Nội dung dài { $length } ký tự, vượt quá giới hạn { $max } ký tự. Xin rút gọn rồi gửi lại; các câu đã trả lời vẫn được giữ.
request-choice-forged = Phương án này không có trong câu hỏi. Xin bấm một trong các nút bên dưới.
request-file-type = Chỉ nhận ảnh, tệp PDF hoặc tệp Word (.docx). Tệp này không được lưu.
request-file-name = Tệp "{ $name }" không có đuôi { $extension } nên không được nhận. Chỉ nhận ảnh, tệp PDF (tên kết thúc bằng .pdf) hoặc tệp Word (tên kết thúc bằng .docx). Tệp này không được lưu.
request-file-too-big = Tệp quá lớn ({ $size } MB); giới hạn là { $mb } MB. Xin chụp ảnh hoặc nén tệp nhỏ hơn rồi gửi lại. Tệp này không được lưu.
request-file-too-many = Đã đủ { $max } tệp, không nhận thêm. Bấm Xong để tiếp tục.
request-answer-none = (chưa trả lời)
request-summary-title = Trả lời yêu cầu "{ $title }" của { $unit }:
answer-summary-prompt = Kiểm tra lại rồi bấm Gửi, hoặc sửa một câu.
request-answer-cancelled = Đã hủy. Chưa có gì được gửi; đồng chí có thể bấm lại nút "✍️ Trả lời" trước khi yêu cầu kết thúc.
request-answer-conflict = Trong lúc đồng chí trả lời, { $unit } vừa gửi bản số { $version }. Bản của đồng chí chưa được lưu; bấm Gửi lần nữa để thay bản đó.
request-receipt = ✅ Đã nhận trả lời yêu cầu "{ $title }" của { $unit } lúc { $time } (bản số { $version }):
request-receipt-late = ⏰ Bản này được ghi nhận là trả lời muộn (hạn: { $deadline }).
request-receipt-on-time = Trả lời đúng hạn (hạn: { $deadline }). Có thể sửa bằng nút "✍️ Trả lời" cho đến khi yêu cầu kết thúc.

## Nhắc trả lời yêu cầu báo cáo và danh sách chậm (src/messages/request-reminders.ts)
request-reminder-text =
    🔔 Nhắc hạn: yêu cầu báo cáo "{ $title }" của { $from } gửi { $unit }, hạn trả lời { $deadline }{ $when }.
    Chi bộ chưa trả lời. Bấm nút bên dưới để trả lời.
request-reminder-today = {" "}(hôm nay)
request-reminder-days = {" "}(còn { $days } ngày)
request-late-list-head = ⏰ Yêu cầu báo cáo "{ $title }" đã quá hạn (hạn { $deadline }). Chi bộ chưa trả lời ({ $missing }/{ $targets }):
request-late-list-line = {"  "}• { $code }: { $name }
