import type { Interview, SyncStatus } from "~/domain/interviews/interview-schema";

/**
 * An interview as the phone keeps it in IndexedDB: the contract's fields (what is uploaded,
 * interview-schema.ts) plus what only the phone needs (where the enumerator is in the
 * questionnaire, who it was with, and the server's last refusal).
 */
export interface LocalInterview {
  id: string;
  roundCode: string;
  unitCode: string;
  frameRowId: string | null;
  language: string;
  interpretedInto: string | null;
  startedAt: string;
  /** Set when the enumerator finishes; null while the interview is open. */
  endedAt: string | null;
  location: Interview["location"];
  answers: Interview["answers"];
  /** draft: being asked; outbox: finished, waiting to be sent. */
  state: "draft" | "outbox";
  /** The step to reopen on (a section code, or "review"). */
  currentStep: string;
  /** For lists and the sign-out warning: the person's name (null = walk-in) and unit name. */
  respondentName: string | null;
  unitName: string;
  /** The server's answer when it refused this interview (conflict or invalid), shown in the queue. */
  lastRefusal: { status: SyncStatus; message: string } | null;
  updatedAt: string;
}

/** What is kept of an interview once the server confirmed it: enough to mark a person visited. */
export interface SentInterview {
  id: string;
  roundCode: string;
  unitCode: string;
  frameRowId: string | null;
  respondentName: string | null;
  unitName: string;
  endedAt: string;
  sentAt: string;
}

/** The contract's object for upload: exactly the fields interview-schema.ts defines. */
export function toUpload(local: LocalInterview): Interview {
  return {
    id: local.id,
    roundCode: local.roundCode,
    unitCode: local.unitCode,
    frameRowId: local.frameRowId,
    language: local.language,
    interpretedInto: local.interpretedInto,
    startedAt: local.startedAt,
    endedAt: local.endedAt ?? local.updatedAt,
    location: local.location,
    answers: local.answers,
  };
}

export function toSent(local: LocalInterview, sentAt: string): SentInterview {
  return {
    id: local.id,
    roundCode: local.roundCode,
    unitCode: local.unitCode,
    frameRowId: local.frameRowId,
    respondentName: local.respondentName,
    unitName: local.unitName,
    endedAt: local.endedAt ?? local.updatedAt,
    sentAt,
  };
}
