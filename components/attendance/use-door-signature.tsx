"use client";

import { type ReactNode, useCallback, useRef, useState } from "react";
import type { ScanAnswer } from "@/components/checkin/scan-client";
import type { QueuedSignature } from "@/lib/offline/types";
import type { DoorTarget } from "./door-client";
import { DoorSignature } from "./door-signature";

type Options = {
  journeeId: string;
  parts: { key: string; title: string }[];
  station: { door: string; deviceId: string } | null;
  /** The journée asks for signatures (answers without `signatureRequired`, e.g. an online walk-in). */
  asks: boolean;
  queue: (item: QueuedSignature) => Promise<void>;
  onDone: (message: string) => void;
};

/**
 * The scanner's only hook into the signed émargement: `offer` after each answer opens the door's
 * pad when an ok scan asks for a signature, or when a present but unsigned person is scanned again; `element` is the overlay (null otherwise); `active`
 * tells the camera to ignore codes while someone signs.
 */
export function useDoorSignature(o: Options): {
  offer: (answer: ScanAnswer, partKey: string) => boolean;
  element: ReactNode;
  active: React.RefObject<boolean>;
} {
  const [target, setTarget] = useState<(DoorTarget & { partTitle: string }) | null>(null);
  const active = useRef(false);
  const { journeeId, parts, station, asks, queue, onDone } = o;

  const offer = useCallback(
    (answer: ScanAnswer, partKey: string) => {
      if ("error" in answer || !station) return false;
      const { person, signatureRequired, offline, needsSignature } = answer.details;
      if (!person || person.registrationId.startsWith("local-")) return false;
      if (answer.result === "already_checked_in") {
        // Catch-up: present but not signed yet (« signera plus tard »), scanned again.
        if (!needsSignature) return false;
      } else if (answer.result !== "ok" || !(signatureRequired ?? (asks && !offline))) return false;
      const key = answer.details.partKey ?? partKey;
      active.current = true;
      setTarget({
        journeeId,
        partKey: key,
        registrationId: person.registrationId,
        name: `${person.firstName} ${person.lastName}`,
        scanNonce: answer.nonce,
        door: station.door,
        deviceId: station.deviceId,
        queuedScan: Boolean(offline),
        partTitle: parts.find((p) => p.key === key)?.title ?? "Journée entière",
      });
      return true;
    },
    [journeeId, parts, station, asks],
  );

  const done = useCallback(
    (message: string) => {
      active.current = false;
      setTarget(null);
      onDone(message);
    },
    [onDone],
  );

  const element = target ? (
    <DoorSignature key={target.scanNonce} target={target} partTitle={target.partTitle} queue={queue} onDone={done} />
  ) : null;
  return { offer, element, active };
}
