"use client";

import { useState } from "react";
import styles from "./checkin.module.css";
import { type Station, saveStation } from "./scan-client";

/** Door and device name, chosen once per phone and kept in localStorage. */
export function StationSettings({ station, onChange }: { station: Station; onChange: (s: Station) => void }) {
  const [door, setDoor] = useState(station.door);
  const [saved, setSaved] = useState(false);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const next = { ...station, door: door.trim().slice(0, 40) };
    saveStation(next);
    onChange(next);
    setSaved(true);
  };
  return (
    <details className={styles.settings}>
      <summary>
        Poste : {station.door || "sans porte"} · appareil {station.deviceId}
      </summary>
      <form onSubmit={submit} className={styles.row}>
        <label htmlFor="porte">Porte ou entrée</label>
        <input
          id="porte"
          value={door}
          maxLength={40}
          onChange={(e) => {
            setDoor(e.target.value);
            setSaved(false);
          }}
        />
        <button type="submit" className={styles.secondary}>
          Enregistrer
        </button>
      </form>
      <p role="status">{saved ? "Poste enregistré sur cet appareil." : ""}</p>
    </details>
  );
}
