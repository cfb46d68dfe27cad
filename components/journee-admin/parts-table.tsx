import { ScrollTable } from "@/components/organiser/scroll-table";
import { formatTime } from "@/lib/format/dates";
import { PART_KIND_LABELS } from "@/lib/journees/schema";

type Part = {
  id: string;
  kind: "HALF_DAY" | "WORKSHOP";
  title: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  confirmedCount: number;
};

export function PartsTable({ parts }: { parts: Part[] }) {
  if (parts.length === 0) return <p>Pas de demi-journée ni d'atelier : une seule inscription pour toute la journée.</p>;
  return (
    <ScrollTable label="Demi-journées et ateliers">
      <table className="data-table">
        <caption>Demi-journées et ateliers</caption>
        <thead>
          <tr>
            <th scope="col">Créneau</th>
            <th scope="col">Type</th>
            <th scope="col">Horaire</th>
            <th scope="col">Inscrits / capacité</th>
          </tr>
        </thead>
        <tbody>
          {parts.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.title}</th>
              <td>{PART_KIND_LABELS[p.kind]}</td>
              <td>
                {formatTime(p.startsAt)} – {formatTime(p.endsAt)}
              </td>
              <td>
                {p.confirmedCount} / {p.capacity ?? "sans limite"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
