"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useRef, useState } from "react";
import { useDoorSignature } from "@/components/attendance/use-door-signature";
import { ServiceWorkerRegistration } from "@/components/offline/service-worker";
import { StatusBar } from "@/components/offline/status-bar";
import { SyncReportList } from "@/components/offline/sync-report";
import { useOffline } from "@/components/offline/use-offline";
import { UNDO_WINDOW_MS } from "@/lib/checkin/constants";
import type { Counts, ScanMethod } from "@/lib/checkin/schema";
import { Camera, loadDecoder } from "./camera";
import styles from "./checkin.module.css";
import { CountsBar } from "./counts-bar";
import { scanDeparture } from "./departure";
import { signal, unlockAudio } from "./feedback";
import { type AnswerView, answerView, ResultPanel } from "./result-panel";
import {
  fetchCounts,
  loadStation,
  newNonce,
  postScan,
  recordTiming,
  resultMsOverride,
  type ScanAnswer,
  type Station,
} from "./scan-client";
import { StationSettings } from "./station-settings";
import { type Undoable, UndoBar } from "./undo-bar";

// Search and walk-in are a tap away: their code (forms, validation) loads when first opened. One
// import() each, shared with the offline preload, so both fetch the same chunk.
const loadSearchPanel = () => import("./search-panel");
const loadWalkInForm = () => import("./walk-in-form");
const SearchPanel = dynamic(() => loadSearchPanel().then((m) => m.SearchPanel));
const WalkInForm = dynamic(() => loadWalkInForm().then((m) => m.WalkInForm));
/** Once the page is up: the lazily loaded code, so that the service worker keeps it for offline use. */
const preloadLazyCode = () => Promise.all([loadSearchPanel(), loadWalkInForm(), loadDecoder()]);

export type ScannerProps = {
  journeeId: string;
  /** endsAt (ISO): the check-out mode tells a departure before the end (« parti avant la fin »). */
  parts: { key: string; title: string; endsAt?: string }[];
  initialPartKey: string;
  canForceCapacity: boolean;
  /** The journée asks for a signature per half-day after an ok scan (issue 13). */
  signatures?: boolean;
};
type Shown = { answer: ScanAnswer; decodedAt: number; id: number; view?: AnswerView };
type Mode = "scan" | "search" | "walkin" | "depart";
const MODES: { mode: Mode; label: string }[] = [
  { mode: "scan", label: "Scanner" },
  { mode: "search", label: "Rechercher" },
  { mode: "walkin", label: "Sur place" },
  { mode: "depart", label: "Départ" },
];

function resultDuration(answer: ScanAnswer): number {
  const override = resultMsOverride();
  if (override > 0) return override;
  return !("error" in answer) && answer.result === "ok" ? 4000 : 8000;
}

export function Scanner({ journeeId, parts, initialPartKey, canForceCapacity, signatures = false }: ScannerProps) {
  const [station, setStation] = useState<Station | null>(null);
  const [partKey, setPartKey] = useState(initialPartKey);
  const [mode, setMode] = useState<Mode>("scan");
  const [shown, setShown] = useState<Shown | null>(null);
  const [announce, setAnnounce] = useState("");
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [codeReady, setCodeReady] = useState(false);
  const [padClosed, setPadClosed] = useState(0);
  const onCodeReady = useCallback(() => setCodeReady(true), []);
  const wedge = useRef<HTMLInputElement>(null);
  const seq = useRef(0);
  const offline = useOffline(journeeId);
  const door = useDoorSignature({
    journeeId,
    parts,
    station,
    asks: signatures,
    queue: offline.queueSignature,
    onDone: (message) => {
      // The scan's result was under the pad: once signed (or skipped), it is stale — not shown again.
      setShown(null);
      setAnnounce(message);
      setPadClosed((n) => n + 1);
    },
  });
  // Focus the ticket field once the pad's modal dialog is unmounted: onDone runs after an await, so a
  // frame can come before that commit, and an element behind a modal dialog cannot take the focus.
  useEffect(() => {
    if (padClosed) wedge.current?.focus();
  }, [padClosed]);

  useEffect(() => setStation(loadStation()), []);
  const refreshCounts = useCallback(() => {
    void fetchCounts(journeeId, partKey).then((c) => c && setCounts(c));
  }, [journeeId, partKey]);
  // After a scan, refresh once the burst is over: never compete with the next scan's request.
  const soon = useRef<ReturnType<typeof setTimeout>>(undefined);
  const refreshSoon = useCallback(() => {
    clearTimeout(soon.current);
    soon.current = setTimeout(refreshCounts, 700);
  }, [refreshCounts]);
  useEffect(() => {
    refreshCounts();
    const timer = setInterval(refreshCounts, 3000);
    return () => clearInterval(timer);
  }, [refreshCounts]);
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(null), resultDuration(shown.answer));
    return () => clearTimeout(timer);
  }, [shown]);

  const show = useCallback(
    (answer: ScanAnswer, decodedAt: number) => {
      const view = answerView(answer);
      setShown({ answer, decodedAt, id: ++seq.current });
      door.offer(answer, partKey);
      setAnnounce(`${view.title}. ${view.lines.join(" ")}${seq.current % 2 ? "" : "\u00a0"}`);
      signal(view.tone);
      if (!("error" in answer) && answer.result === "ok" && answer.details.person) {
        const p = answer.details.person;
        const name = `${p.firstName} ${p.lastName}`;
        const checkIn = answer.details.checkIn;
        if (checkIn?.undoUntil) setUndoable({ checkInId: checkIn.id, until: checkIn.undoUntil, name });
        else if (answer.details.offline) {
          // Offline: undone from the queue while unsent, on the server (online) once sent.
          const until = new Date(Date.now() + UNDO_WINDOW_MS).toISOString();
          setUndoable({ nonce: answer.nonce, until, name });
        }
      }
      refreshSoon();
    },
    [refreshSoon, door.offer, partKey],
  );

  // Check-out mode: the departure's own view (time, « parti avant la fin », or « réseau nécessaire »).
  const showView = useCallback(
    (answer: ScanAnswer, view: AnswerView, decodedAt: number) => {
      setShown({ answer, view, decodedAt, id: ++seq.current });
      setAnnounce(`${view.title}. ${view.lines.join(" ")}${seq.current % 2 ? "" : "\u00a0"}`);
      signal(view.tone);
      refreshSoon();
    },
    [refreshSoon],
  );
  const departing = mode === "depart";

  // Offline (or older scans still waiting): answered from the local snapshot, queued with the same nonce.
  const scan = useCallback(
    async (source: { ticket: string } | { registrationId: string }, method: ScanMethod, decodedAt: number) => {
      if (!station) return;
      if (departing) {
        const endsAt = parts.find((p) => p.key === partKey)?.endsAt;
        const out = await scanDeparture(source, { journeeId, partKey, station, endsAt, offline });
        return showView(out.answer, out.view, decodedAt);
      }
      const ctx = { journeeId, partKey, door: station.door, deviceId: station.deviceId, method, nonce: newNonce() };
      const local = offline.shouldQueue() ? await offline.scan(source, ctx) : null;
      if (local) return show(local, decodedAt);
      const answer = await postScan(source, { journeeId, partKey, station, method, nonce: ctx.nonce });
      if ("error" in answer && answer.error === "network") {
        offline.networkFailed();
        const fallback = await offline.scan(source, ctx);
        if (fallback) return show(fallback, decodedAt);
      }
      if (!("error" in answer)) offline.rememberOnline(answer, partKey);
      show(answer, decodedAt);
    },
    [journeeId, partKey, station, show, offline, departing, parts, showView],
  );
  const lastRun = offline.state.lastRun;
  useEffect(() => {
    if (lastRun?.sent) refreshCounts();
  }, [lastRun, refreshCounts]);

  const onWedgeSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const decodedAt = performance.now();
    unlockAudio();
    const input = wedge.current;
    const value = input?.value.trim() ?? "";
    if (input) input.value = "";
    if (value) void scan({ ticket: value }, value.startsWith("EMT1.") ? "QR" : "MANUAL", decodedAt);
  };
  const close = useCallback(() => setShown(null), []);

  return (
    <div className={styles.scanner}>
      <div role="status" aria-live="polite" aria-atomic="true" className="visually-hidden">
        {announce}
      </div>
      <ServiceWorkerRegistration preload={preloadLazyCode} onCodeReady={onCodeReady} />
      {/* The scan area comes first: on a phone it opens on the first screen, the rest below. */}
      <nav aria-label="Mode d'accueil" className={styles.modes}>
        {MODES.map((m) => (
          <button key={m.mode} type="button" aria-pressed={mode === m.mode} onClick={() => setMode(m.mode)}>
            {m.label}
          </button>
        ))}
      </nav>
      {(mode === "scan" || departing) && (
        <section aria-labelledby="titre-scan" className={styles.panel}>
          <h2 id="titre-scan">
            {departing ? "Départ : scanner le billet de la personne qui part" : "Scanner un billet"}
          </h2>
          <form onSubmit={onWedgeSubmit} className={styles.wedge}>
            <label htmlFor="code-billet">Code du billet (douchette ou saisie)</label>
            <div className={styles.row}>
              <input
                id="code-billet"
                ref={wedge}
                autoComplete="off"
                autoCapitalize="off"
                spellCheck={false}
                enterKeyHint="go"
              />
              <button type="submit" className={styles.primary}>
                Valider
              </button>
            </div>
          </form>
          <Camera onCode={(text, decodedAt) => door.active.current || void scan({ ticket: text }, "QR", decodedAt)} />
        </section>
      )}
      {mode === "search" && (
        <SearchPanel
          journeeId={journeeId}
          partKey={partKey}
          onCheckIn={(id, at) => void scan({ registrationId: id }, "SEARCH", at)}
          local={{ active: offline.shouldQueue, search: (q) => offline.search(q, partKey) }}
        />
      )}
      {mode === "walkin" && station && (
        <WalkInForm
          journeeId={journeeId}
          partKey={partKey}
          station={station}
          canForce={canForceCapacity}
          onResult={show}
          local={{ active: offline.shouldQueue, record: offline.walkIn }}
        />
      )}
      {/* Sticky: once the page scrolls, the network state stays at the top of the screen. */}
      <StatusBar state={offline.state} codeReady={codeReady} onSync={() => void offline.syncNow()} />
      <UndoBar
        item={undoable}
        undoLocal={offline.undoLocal}
        onDone={(message) => {
          setUndoable(null);
          setAnnounce(message);
          refreshCounts();
        }}
      />
      <CountsBar counts={counts} />
      {parts.length > 1 && (
        <p className={styles.part}>
          <label htmlFor="demi-journee">Demi-journée</label>
          <select id="demi-journee" value={partKey} onChange={(e) => setPartKey(e.target.value)}>
            {parts.map((p) => (
              <option key={p.key} value={p.key}>
                {p.title}
              </option>
            ))}
          </select>
        </p>
      )}
      <SyncReportList reports={offline.state.reports} />
      {station && <StationSettings station={station} onChange={setStation} />}
      {door.element}
      {!door.element && shown && (
        <ResultPanel
          key={shown.id}
          answer={shown.answer}
          decodedAt={shown.decodedAt}
          onClose={close}
          onShown={recordTiming}
          view={shown.view}
        />
      )}
    </div>
  );
}
