// Who may see a request (/yeucau) and who may act on it, and what its status view counts:
// pure, so that the list, the view and every button ask the same rule.
import { ReviewState } from "./review.js";
import { Role, type Actor } from "./roles.js";

/**
 * "manage": sees every branch and may remind, close and export (an administrator, the
 * person who made it, a committee member of its unit or of a unit above it);
 * "branch": a secretary or deputy of a branch it went to sees where their branch stands.
 */
export type RequestAccess = "manage" | "branch";

export interface RequestPlace {
  /** The unit it was sent from and the units above that unit. */
  unitId: number;
  ancestors: readonly number[];
  madeByThisPerson: boolean;
  /** Whether one of the person's branches (as secretary or deputy) is among its targets. */
  targetsOwnBranch: boolean;
}

export function requestAccess(actor: Actor, r: RequestPlace): RequestAccess | undefined {
  if (actor.isAdmin || r.madeByThisPerson) return "manage";
  const committee = actor.memberships.some((m) => m.role === Role.COMMITTEE && (m.unitId === r.unitId || r.ancestors.includes(m.unitId)));
  if (committee) return "manage";
  return r.targetsOwnBranch ? "branch" : undefined;
}

/** The branches a person files for or stands in for: where a request sent to them is theirs to see. */
export const ownBranchIds = (actor: Actor): number[] => [...new Set(actor.memberships.filter((m) => m.role === Role.SECRETARY || m.role === Role.DEPUTY).map((m) => m.unitId))];

/** The units whose committee the person sits on: requests of these units' subtrees are theirs to see. */
export const committeeUnitIds = (actor: Actor): number[] => [...new Set(actor.memberships.filter((m) => m.role === Role.COMMITTEE).map((m) => m.unitId))];

/** Who may start a new request: an administrator or a committee member (of their units). */
export const mayCreateRequest = (actor: Actor): boolean => actor.isAdmin || committeeUnitIds(actor).length > 0;

/** Requests shown on one page of the list: a phone's screen of buttons. */
export const REQUEST_PAGE_SIZE = 8;

export interface Page {
  page: number;
  pages: number;
  skip: number;
  take: number;
}

/** The page asked for, kept within the pages there are (a list that shrank since its button was sent). */
export function pageOf(total: number, asked: number, size = REQUEST_PAGE_SIZE): Page {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, asked), pages);
  return { page, pages, skip: (page - 1) * size, take: size };
}

/** The list's page buttons: "ycds:<page>", read back as input (it can be forged). */
export const requestPageData = (page: number): string => `ycds:${page}`;

export function readRequestPage(data: string): number | undefined {
  const m = /^ycds:(\d{1,4})$/.exec(data);
  const page = m ? Number(m[1]) : 0;
  return page >= 1 ? page : undefined;
}

export interface TargetBranch {
  unitId: number;
  code: string;
  name: string;
}

export interface AnswerFact {
  unitId: number;
  late: boolean;
  reviewState: string;
}

export interface StatusCounts {
  targets: number;
  answered: number;
  approved: number;
  pending: number;
  returned: number;
  missing: TargetBranch[];
  late: TargetBranch[];
}

/** Where a request stands: who has not answered, who answered late, and the review of those who answered. */
export function statusCounts(targets: readonly TargetBranch[], answers: ReadonlyMap<number, AnswerFact>): StatusCounts {
  const out: StatusCounts = { targets: targets.length, answered: 0, approved: 0, pending: 0, returned: 0, missing: [], late: [] };
  for (const t of targets) {
    const a = answers.get(t.unitId);
    if (!a) {
      out.missing.push(t);
      continue;
    }
    out.answered++;
    if (a.late) out.late.push(t);
    if (a.reviewState === ReviewState.APPROVED) out.approved++;
    else if (a.reviewState === ReviewState.RETURNED) out.returned++;
    else out.pending++;
  }
  return out;
}

/** The confirming press of "close": its own data, so that one tap on "🔒 Đóng yêu cầu" never closes anything. */
export const closeConfirmData = (requestId: number): string => `ycdx:${requestId}`;

export function readCloseConfirm(data: string): number | undefined {
  const m = /^ycdx:(\d{1,10})$/.exec(data);
  const id = m ? Number(m[1]) : 0;
  return Number.isSafeInteger(id) && id >= 1 && id <= 2_147_483_647 ? id : undefined;
}

/** Missing branches named in the status view; the rest are counted (the export lists every one). */
export const STATUS_NAMED = 30;
