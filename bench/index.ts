/**
 * npm run bench -- <name> [--db pglite|postgres] [options]
 * Runs bench/<name>.ts, whose exported main(args) prints its figures and a last line
 * `RESULT {json}`.
 */
export {};

const [benchName, ...args] = process.argv.slice(2);
if (!benchName || !/^[a-z0-9-]+$/.test(benchName)) {
  console.error("usage : npm run bench -- <registration|reports|…> [--db pglite|postgres]");
  process.exit(2);
}
try {
  const mod = (await import(`./${benchName}.ts`)) as { main?: (args: string[]) => Promise<void> };
  if (!mod.main) throw new Error(`bench/${benchName}.ts n'exporte pas main(args)`);
  await mod.main(args);
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
