"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { NETWORK_LABELS } from "@/lib/registration/labels";
import { NETWORKS } from "@/lib/registration/schema";
import { describedBy, Field, fieldIds } from "./field";
import styles from "./registration.module.css";

type Props = {
  register: (name: string) => UseFormRegisterReturn;
  /** The value to show before hydration (and after a refused post without JavaScript). */
  defaultValue: string;
  error?: string;
};

/** Optional network of the structure: the dashboards break down by it (closed list, "" = not given). */
export function NetworkField({ register, defaultValue, error }: Props) {
  return (
    <Field
      name="network"
      label="Réseau ou fédération de votre structure"
      hint="Si votre structure adhère à plusieurs réseaux, choisissez le principal."
      error={error}
    >
      <select
        id={fieldIds("network").input}
        className={styles.select}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy("network", true, error)}
        defaultValue={defaultValue}
        {...register("network")}
      >
        <option value="">Non renseigné</option>
        {NETWORKS.map((v) => (
          <option key={v} value={v}>
            {NETWORK_LABELS[v]}
          </option>
        ))}
      </select>
    </Field>
  );
}
