import type { Metadata } from "next";
import type { ReactNode } from "react";
import { staffJourneeTitle } from "@/lib/journee-admin/page-guard";

type Props = { params: Promise<{ id: string }> };

/** Every page of one journée names it in the document title (WCAG 2.4.2), for the staff allowed to see it. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const title = await staffJourneeTitle(id);
  if (!title) return {};
  return { title: { default: title, template: `%s — ${title} — Espace organisateur` } };
}

/** Only the document titles: each page checks its own rights. */
export default function JourneeStaffLayout({ children }: { children: ReactNode }) {
  return children;
}
