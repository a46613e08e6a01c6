// Preloaded into a benchmarked Node process (`node --import ./bench/report-rss.mjs dist/cli.js build`): at exit it
// prints `hindsight-max-rss-kb <kB>`, the process's own peak resident set, on stderr for bench/run.mjs to read.
// The benchmark's one machine-readable hook; the product itself prints nothing of the kind.
process.once('exit', () => process.stderr.write(`hindsight-max-rss-kb ${process.resourceUsage().maxRSS}\n`))
