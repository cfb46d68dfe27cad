"use client";

import dynamic from "next/dynamic";

/**
 * The registration form in its own chunk (react-hook-form, zod, the communes): only pages that
 * render it (an open journée) load it; a past or full-closed journée's page stays light.
 */
export const LazyRegistrationForm = dynamic(() => import("./registration-form").then((m) => m.RegistrationForm));
