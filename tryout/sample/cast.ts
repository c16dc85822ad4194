// The sample committee and its people: a Đảng ủy with five branches named like
// those of the reference documents (001: Chi bộ trường THPT Quang Trung and its
// "kết nạp 07 đảng viên mới là học sinh"; 003: Chi bộ 01, Trường Cao đẳng Lý Tự
// Trọng; Chi bộ 4, Trường Trung cấp Kinh tế - Kỹ thuật Quận 12). Every name of a
// person is made up. Ids sit in a range no real test uses.
import type { ChatInfo, PersonInfo } from "../telegram/people.js";

export interface Cohorts {
  giaovien?: number;
  hocsinh?: number;
  sinhvien?: number;
  khac?: number;
}

export interface SampleBranch {
  code: string;
  name: string;
  secretary: PersonInfo;
  deputy: PersonInfo;
  /** Members on the roll, for the minutes. */
  onRoll: number;
  place: string;
  quota: { total: number; cohorts: Cohorts };
  /** The branch that files late: September after its deadline, October not yet. */
  late?: boolean;
}

export const COMMITTEE = { code: "DU-SGD", name: "Đảng ủy Sở Giáo dục và Đào tạo" };

export const ADMIN: PersonInfo = { id: 7100001, first_name: "Lê Minh Tuấn" };
/** A cấp ủy viên of the Đảng ủy (Ban Tổ chức): reviews what the branches send. */
export const MEMBER: PersonInfo = { id: 7100002, first_name: "Phạm Thị Hồng" };
export const GROUP: ChatInfo = { id: -1007100000001, type: "supergroup", title: "Ban Thường vụ Đảng ủy Sở GD-ĐT" };

// The whole name in first_name, family name first, as Vietnamese users of Telegram usually write it.
const person = (id: number, full: string): PersonInfo => ({ id, first_name: full });

export const BRANCHES: readonly SampleBranch[] = [
  {
    code: "CB-QT",
    name: "Chi bộ Trường THPT Quang Trung",
    secretary: person(7100011, "Nguyễn Thị Lan"),
    deputy: person(7100012, "Trần Văn Nam"),
    onRoll: 18,
    place: "Phòng họp Hội đồng sư phạm",
    quota: { total: 8, cohorts: { hocsinh: 7 } },
  },
  {
    code: "CB-LL",
    name: "Chi bộ Trường THPT Lê Lợi",
    secretary: person(7100021, "Võ Văn Hùng"),
    deputy: person(7100022, "Đặng Thị Mai"),
    onRoll: 15,
    place: "Phòng họp nhà trường",
    quota: { total: 6, cohorts: { hocsinh: 5 } },
  },
  {
    code: "CB-LTT",
    name: "Chi bộ 01 Trường Cao đẳng Lý Tự Trọng",
    secretary: person(7100031, "Hoàng Văn Minh"),
    deputy: person(7100032, "Bùi Thị Thu"),
    onRoll: 24,
    place: "Hội trường B",
    quota: { total: 10, cohorts: { sinhvien: 8 } },
  },
  {
    code: "CB-KTKT",
    name: "Chi bộ 4 Trường Trung cấp Kinh tế - Kỹ thuật Quận 12",
    secretary: person(7100041, "Lý Thị Hoa"),
    deputy: person(7100042, "Phan Văn Đức"),
    onRoll: 12,
    place: "Phòng họp khoa Kinh tế",
    quota: { total: 4, cohorts: {} },
  },
  {
    code: "CB-VP",
    name: "Chi bộ Văn phòng Sở",
    secretary: person(7100051, "Đỗ Văn Long"),
    deputy: person(7100052, "Ngô Thị Hà"),
    onRoll: 9,
    place: "Phòng họp tầng 2",
    quota: { total: 2, cohorts: {} },
    late: true,
  },
];

export const fullName = (p: PersonInfo) => [p.first_name, p.last_name].filter(Boolean).join(" ");

/** Someone the page can be: a person in their private chat with the bot, or the group. */
export interface Identity {
  key: string;
  /** The heading it is listed under: a branch's name, or the committee's. */
  section: string;
  role: string;
  name: string;
  chat: ChatInfo;
  /** Who types in that chat (in the group: the committee member). */
  person: PersonInfo;
}

const privateChat = (p: PersonInfo): ChatInfo => ({ id: p.id, type: "private" });

export function identities(): Identity[] {
  const out: Identity[] = [
    { key: "quantri", section: COMMITTEE.name, role: "Quản trị viên", name: fullName(ADMIN), chat: privateChat(ADMIN), person: ADMIN },
    { key: "uyvien", section: COMMITTEE.name, role: "Cấp ủy viên", name: fullName(MEMBER), chat: privateChat(MEMBER), person: MEMBER },
    { key: "nhom", section: COMMITTEE.name, role: "Nhóm Đảng ủy", name: GROUP.title!, chat: GROUP, person: MEMBER },
  ];
  for (const b of BRANCHES) {
    const bithu = `${b.code.toLowerCase()}-bithu`;
    out.push({ key: bithu, section: b.name, role: "Bí thư", name: fullName(b.secretary), chat: privateChat(b.secretary), person: b.secretary });
    out.push({ key: `${b.code.toLowerCase()}-phobithu`, section: b.name, role: "Phó bí thư", name: fullName(b.deputy), chat: privateChat(b.deputy), person: b.deputy });
  }
  return out;
}
