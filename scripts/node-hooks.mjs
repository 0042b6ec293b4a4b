// Module hooks for running lib/ outside Next.js (scripts, benchmarks):
// `server-only` throws unless resolved for React Server Components, which a
// plain Node process is not; there it is an empty module.
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
  return next(specifier, context);
}
