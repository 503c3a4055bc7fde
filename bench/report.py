#!/usr/bin/env python3
"""Turn one bench/run.sh results directory into docs/PERFORMANCE.md and its two plots.

usage: report.py RESULTS_DIR OUT_MD
       report.py --plots-only OUT_MD

Reads RESULTS_DIR/machine.json and, per scale, scale-N/{meta.json,*.json,rss.tsv,phases.tsv}. Every number in
the report comes from those files; the targets are computed here as ratios of numbers measured in the same run.
Set BENCH_NOTE to add a paragraph at the top (e.g. why a run is provisional).

Next to OUT_MD it writes performance-latency.svg (p50 and p99 per scenario and scale) and
performance-throughput.svg (achieved rates against the no-op ceiling and the hashing limit), drawn by hand as SVG
(no plotting library needed). --plots-only redraws them from the tables of an existing OUT_MD (the raw results are
not committed) and adds the Plots section to it if it has none.
"""
import glob
import json
import math
import os
import re
import sys

TARGET_LOOKUP_RATIO = 0.6
TARGET_LOOKUP_P99_MS = 10.0
TARGET_TOKEN_RATIO = 0.8
TARGET_MIXED_RATIO = 3.0
TARGET_SCALE_RATIO = 1.5
TARGET_READY_MS = 3000
TARGET_RSS_MIB = 300
TARGET_OVERLOAD_KEPT = 0.9          # admitted lookups per second during overload / the sustained rate
TARGET_REFUSAL_P99_MS = 50.0        # "at once": p99 of the 503 answers


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def ms(us):
    return us / 1000.0


def fmt_ms(us):
    v = ms(us)
    if v >= 100:
        return f"{v:.0f}"
    if v >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"


def fmt_rate(r):
    return f"{r:,.0f}" if r >= 100 else f"{r:.1f}"


def failures_text(load):
    f = load.get("failures") or {}
    return ", ".join(f"{k}: {v}" for k, v in sorted(f.items())) or "-"


def sustained(load, bound_ms):
    return (load["sent"] > 0 and (load["sent"] - load["ok"]) <= 0.01 * load["sent"]
            and ms(load["latencyUs"]["p99"]) <= bound_ms and load["achievedRps"] >= 0.9 * load["offeredRps"])


def valid_loads(run):
    """The loads of a run that really ran: none of a stage after the one that ended the run early."""
    cut = run.get("abortedAfterStage", -1)
    return [l for l in run.get("loads", []) if l["sent"] > 0 and (cut < 0 or l["stage"] <= cut)]


class Scale:
    def __init__(self, directory, settings):
        self.dir = directory
        self.meta = load_json(os.path.join(directory, "meta.json"))
        self.n = self.meta["scale"]
        self.settings = settings
        self.runs = {}
        for path in sorted(glob.glob(os.path.join(directory, "*.json"))):
            name = os.path.basename(path)[:-5]
            if name in ("meta", "hash"):
                continue
            self.runs[name] = load_json(path)
        self.hash = load_json(os.path.join(directory, "hash.json"))
        # CPU seconds of Gatling and of the app per Gatling run (bench/run.sh writes NAME.cpu)
        self.cpu = {os.path.basename(path)[:-4]: load_json(path)
                    for path in sorted(glob.glob(os.path.join(directory, "*.cpu")))}

    def loads(self, *runs):
        out = []
        for r in runs:
            out.extend(valid_loads(self.runs.get(r, {})))
        return out

    def load(self, label):
        for run in self.runs.values():
            for l in valid_loads(run):
                if l["label"] == label:
                    return l
        return None

    def max_throughput(self, kind, runs):
        """The step with the highest achieved rate among those with at most 1% failures (CPU-bound endpoints).
        Warm-up steps count too: what the app achieved while warming up it can achieve."""
        cands = [l for l in self.loads(*runs) if l["kind"] == kind and l["sent"] > 0
                 and (l["sent"] - l["ok"]) <= 0.01 * l["sent"]]
        return max(cands, key=lambda l: l["achievedRps"]) if cands else None

    def best(self, kind, bound_ms, runs):
        cands = [l for l in self.loads(*runs) if l["kind"] == kind and not l["label"].startswith("warm")
                 and sustained(l, bound_ms)]
        return max(cands, key=lambda l: l["offeredRps"]) if cands else None

    def phase_window(self, start_phase, end_phase):
        phases = []
        path = os.path.join(self.dir, "phases.tsv")
        if os.path.exists(path):
            for line in open(path, encoding="utf-8"):
                t, name = line.split(maxsplit=1)
                phases.append((int(t), name.strip()))
        start = next((t for t, n in phases if n == start_phase), None)
        end = next((t for t, n in phases if n == end_phase), None)
        return start, end

    def gc_pauses(self, start_phase, end_phase):
        """Stop-the-world collections of the app's main run between two phases (its -Xlog:gc, epoch-ms stamps)."""
        start, end = self.phase_window(start_phase, end_phase)
        path = os.path.join(os.path.dirname(self.dir), f"gc-{self.n}.log")
        if start is None or end is None or not os.path.exists(path):
            return None
        pauses = []
        for line in open(path, encoding="utf-8"):
            found = re.match(r"\[(\d+)ms\].*\bPause\b.*\s([\d.]+)ms\s*$", line)
            if found and start <= int(found.group(1)) <= end:
                pauses.append(float(found.group(2)))
        return {"count": len(pauses), "totalMs": sum(pauses), "maxMs": max(pauses, default=0.0),
                "seconds": (end - start) / 1000.0}

    def rss_during(self, start_phase, end_phase):
        start, end = self.phase_window(start_phase, end_phase)
        samples = []
        rss_path = os.path.join(self.dir, "rss.tsv")
        if os.path.exists(rss_path):
            for line in open(rss_path, encoding="utf-8"):
                parts = line.split()
                if len(parts) == 2:
                    samples.append((int(parts[0]), int(parts[1])))
        if start is None or end is None:
            return None
        window = [kb for t, kb in samples if start <= t <= end]
        return max(window) / 1024.0 if window else None

    def rss_max(self):
        rss_path = os.path.join(self.dir, "rss.tsv")
        if not os.path.exists(rss_path):
            return None
        vals = [int(l.split()[1]) for l in open(rss_path, encoding="utf-8") if len(l.split()) == 2]
        return max(vals) / 1024.0 if vals else None


def verdict(ok):
    return "**met**" if ok else "**missed**"


PLOTS_SECTION = """## Plots

![Latency per scale: p99 and p50 of each scenario at each scale](performance-latency.svg)

![Throughput against the ceilings: no-op ceiling, lookup, token and register per scale](performance-throughput.svg)

The same numbers as the Results tables below, drawn by `bench/report.py` (log scales).
"""


def plots_only(out):
    data, limits = plot_data_from_report(out)
    if not data:
        sys.exit("report.py: no Results tables in " + out)
    write_plots(data, limits, os.path.dirname(os.path.abspath(out)))
    text = open(out, encoding="utf-8").read()
    if "## Plots\n" not in text and "## Results\n" in text:
        with open(out, "w", encoding="utf-8") as f:
            f.write(text.replace("## Results\n", PLOTS_SECTION + "\n## Results\n", 1))


def main():
    if sys.argv[1] == "--plots-only":
        plots_only(sys.argv[2])
        return
    results, out = sys.argv[1], sys.argv[2]
    machine = load_json(os.path.join(results, "machine.json"))
    st = machine["settings"]
    scales = sorted((Scale(d, st) for d in glob.glob(os.path.join(results, "scale-*"))
                     if os.path.exists(os.path.join(d, "meta.json"))), key=lambda s: s.n)
    if not scales:
        sys.exit("report.py: no finished scale in " + results)
    sustain = float(st["sustainP99Ms"])
    hash_sustain = float(st["hashSustainP99Ms"])
    w = []
    p = w.append

    provisional = machine.get("quick") or os.environ.get("BENCH_NOTE")
    p("# Performance\n")
    if provisional:
        p("> **PROVISIONAL.** " + (os.environ.get("BENCH_NOTE") or "Quick mode: short steps, one scale.")
          + " Regenerate with the full `bench/run.sh` on a quiet machine before drawing conclusions.\n")
    p("All numbers below come from one run of `bench/run.sh` and were written by `bench/report.py`; "
      "re-running the script regenerates this file. Each target is a ratio of two numbers measured in "
      "the same run, so that it does not depend on how fast this machine happens to be.\n")

    # ------------------------------------------------------------------ reproduce
    p("## Reproduce\n")
    p("```sh")
    p("# full run (10k, 100k and 1M users, about 30 minutes); writes docs/PERFORMANCE.md")
    p("bench/run.sh")
    p("# quick run for development (one scale, short steps, 3-5 minutes)")
    p("BENCH_QUICK=1 bench/run.sh 10000")
    p("```\n")
    p(f"This run: `{machine.get('command') or 'bench/run.sh'}`"
      f"{' with BENCH_QUICK=1' if machine.get('quick') and 'BENCH_QUICK' not in (machine.get('command') or '') else ''}"
      f", git `{machine.get('gitCommit')}`"
      f"{' (with uncommitted changes)' if machine.get('gitDirty') else ''}. Needs PostgreSQL on 127.0.0.1:5432 "
      "(trust auth, user postgres), Redis on 127.0.0.1:6379, a JDK 17 and, the first time only, Maven Central "
      "to fetch Gatling. Raw results: `bench/results/<run>/` (not committed).\n")

    # ------------------------------------------------------------------ machine
    p("## Machine\n")
    p("| | |\n|---|---|")
    p(f"| CPU | {machine.get('cpuModel')}, {machine.get('nproc')} cores (`nproc`) |")
    p(f"| memory | {machine.get('memory')} |")
    p(f"| JDK | {machine.get('jdk')} |")
    p(f"| PostgreSQL / Redis | {machine.get('postgres')} / {machine.get('redis')} (local, loopback) |")
    p(f"| kernel | {machine.get('kernel')} |")
    p(f"| load average when the run started | {machine.get('loadAverageAtStart')} |")
    pin = (f"app pinned to CPUs {st['appCpus']}, Gatling to CPUs {st['loadCpus']}" if st.get("appCpus")
           else "no pinning: the app, Gatling, PostgreSQL and Redis share all cores")
    p(f"| load generator | Gatling 3.14.9 (Java DSL, open model) **on the same machine as the app**; {pin} |")
    p(f"| app JVM options | {st.get('javaOpts') or 'none (the production command `java -jar quarkus-run.jar`)'} |")
    p("")

    # ------------------------------------------------------------------ targets
    p("## Targets\n")
    p("| target | scale | measured | ratio / value | verdict |\n|---|---|---|---|---|")
    misses = []
    for s in scales:
        m = s.meta
        noop = s.best("noop", sustain, ["noop-coarse", "noop-fine"])
        ceiling = noop["achievedRps"] if noop else 0
        lk = s.best("lookup", sustain, ["lookup-half", "lookup"])
        lk_rate = lk["achievedRps"] if lk else 0
        ratio = lk_rate / ceiling if ceiling else 0
        ok = ratio >= TARGET_LOOKUP_RATIO
        p(f"| lookup throughput >= {TARGET_LOOKUP_RATIO:.0%} of the no-op ceiling | {s.n:,} | "
          f"lookup {fmt_rate(lk_rate)}/s, no-op {fmt_rate(ceiling)}/s | {ratio:.2f} | {verdict(ok)} |")
        if not ok:
            misses.append(("lookup-throughput", s, ratio))
        half = s.load("lookup-x0.5")
        if half:
            p99 = ms(half["latencyUs"]["p99"])
            errors = half["sent"] - half["ok"]
            ok = p99 <= TARGET_LOOKUP_P99_MS and errors <= 0.01 * half["sent"]
            floor = s.load("noop-x0.5")
            beside = f"; the no-op endpoint at the same rate: p99 {ms(floor['latencyUs']['p99']):.2f} ms" if floor else ""
            p(f"| lookup p99 <= {TARGET_LOOKUP_P99_MS:.0f} ms at half the ceiling | {s.n:,} | "
              f"{fmt_rate(half['achievedRps'])}/s offered {fmt_rate(half['offeredRps'])}/s, {errors} errors{beside} | "
              f"p99 {p99:.2f} ms | {verdict(ok)} |")
            if not ok:
                misses.append(("lookup-p99", s, p99))
        tk = s.max_throughput("token", ["token"])
        tk_rate = tk["achievedRps"] if tk else 0
        limit = m["hashLimit"]
        ratio = tk_rate / limit if limit else 0
        ok = ratio >= TARGET_TOKEN_RATIO
        par = s.hash["parallelPerSecond"]
        p(f"| token >= {TARGET_TOKEN_RATIO:.0%} of the hashing limit | {s.n:,} | token at most {fmt_rate(tk_rate)}/s "
          f"({tk_rate / par if par else 0:.2f} of what {s.hash['threads']} hashing threads did alone), "
          f"limit {m['cores']} cores / {s.hash['singleMedianMs']:.1f} ms = {limit:.1f}/s (HashTool on {s.hash['threads']} "
          f"threads: {par:.1f}/s) | {ratio:.2f} | {verdict(ok)} |")
        if not ok:
            misses.append(("token", s, ratio))
        alone, loaded = s.load("mixed-lookup-alone"), s.load("mixed-lookup-loaded")
        if alone and loaded:
            a, b = ms(alone["latencyUs"]["p99"]), ms(loaded["latencyUs"]["p99"])
            ratio = b / a if a else float("inf")
            ok = ratio <= TARGET_MIXED_RATIO and (loaded["sent"] - loaded["ok"]) <= 0.01 * loaded["sent"]
            if not sustained(alone, sustain):
                ok = False  # the unloaded reference itself was overloaded: the ratio means nothing
            p(f"| lookup p99 with token saturated <= {TARGET_MIXED_RATIO:.0f}x unloaded | {s.n:,} | "
              f"{fmt_rate(alone['offeredRps'])}/s lookup: p99 {a:.2f} ms alone, {b:.2f} ms next to token at "
              f"{fmt_rate(limit)}/s | {ratio:.2f}x | {verdict(ok)} |")
            if not ok:
                misses.append(("mixed" if sustained(alone, sustain) else "mixed-overloaded", s, ratio))
        mixed_token = s.load("mixed-token")
        if mixed_token and alone and limit:
            ratio = mixed_token["achievedRps"] / limit
            ok = ratio >= TARGET_TOKEN_RATIO
            p(f"| token next to lookups still >= {TARGET_TOKEN_RATIO:.0%} of the hashing limit | {s.n:,} | token "
              f"{fmt_rate(mixed_token['achievedRps'])}/s offered {fmt_rate(mixed_token['offeredRps'])}/s next to "
              f"{fmt_rate(alone['offeredRps'])}/s lookup, limit {limit:.1f}/s | {ratio:.2f} | {verdict(ok)} |")
            if not ok:
                misses.append(("mixed-token", s, ratio))
        repeat = m.get("readyRepeat", 1)
        # (miss kind, ready-ms key, Quarkus' started key, what the row measures, what was started)
        starts = [
            ("ready", "readySeededMs", "startedSeededS", " with the external database",
             "start to /q/health/ready 200"),
            ("ready-nomigrate", "readyNoMigrateMs", "startedNoMigrateS", ", migrations run separately (as the generated "
             "Kubernetes Deployment runs it)", f"start to /q/health/ready 200 with QUARKUS_LIQUIBASE_ENABLED=false, "
             f"median of {repeat} starts"),
            ("ready-documented", "readyDocumentedMs", "startedDocumentedS", ", migrations separately, with the "
             "documented JVM options", f"median of {repeat} starts with `{m.get('documentedJavaOpts', '')}`"),
            ("ready-cds", "readyCdsMs", "startedCdsS", ", migrations separately, documented options and the AppCDS "
             "archive of a training start (README \"Start-up\")", f"median of {repeat} starts with "
             "`-XX:SharedArchiveFile`"),
        ]
        for kind, key, started, what, how in starts:
            if key not in m or (kind == "ready-documented" and not m[key]):
                continue
            # 0 means the archive was not used (the JVM refused it, or the training start wrote none)
            ok = 0 < m[key] <= TARGET_READY_MS
            shown = f"{m[key] / 1000:.2f} s" if m[key] else "archive not used"
            p(f"| JVM ready <= {TARGET_READY_MS / 1000:.0f} s{what} | {s.n:,} | {how} (Quarkus says started in "
              f"{m[started] or '?'} s) | {shown} | {verdict(ok)} |")
            if not ok:
                misses.append((kind, s, m[key]))
        rss = s.rss_during("lookup-half", "end-lookup") or s.rss_during("lookup", "end-lookup")
        if rss is not None:
            # The number is for the documented options (next row); the plain command is to be bounded by the
            # defaults the app sets for itself, so its row is shown for comparison, with the 300 MiB only as a guide.
            p(f"| RSS with the plain `java -jar` under the lookup load, bounded by the app's own defaults "
              f"(JvmMemoryDefaults; no number in the target, {TARGET_RSS_MIB} MiB is for the documented options) | "
              f"{s.n:,} | max VmRSS during the lookup steps (idle after start {m['rssIdleKb'] / 1024:.0f} MiB, "
              f"{fmt_opt(s.rss_max())} MiB at most over the whole run) | {rss:.0f} MiB | shown |")
            if rss > TARGET_RSS_MIB:
                misses.append(("rss", s, rss))
        if m.get("rssDocumentedKb"):
            rss = m["rssDocumentedKb"] / 1024
            ok = rss <= TARGET_RSS_MIB
            p(f"| RSS <= {TARGET_RSS_MIB} MiB under the lookup load with the documented JVM options | {s.n:,} | "
              f"max VmRSS at {fmt_rate(m['lookupBest'])}/s lookups with `{m['documentedJavaOpts']}` "
              f"{m['documentedEnv'].strip()} | {rss:.0f} MiB | {verdict(ok)} |")
            if not ok:
                misses.append(("rss-documented", s, rss))
        over = s.load("overload")
        if over:
            sent, kept = over["sent"], over["achievedRps"]
            refused = over.get("refusedLatencyUs", {"count": 0, "p99": 0})
            lost = sent - over["ok"] - refused["count"]
            rss = s.rss_during("overload", "end-overload")
            alive = m.get("overloadAlive") and not m.get("overloadOomErrors")
            p(f"| overload at 2x the sustained lookup rate: the process stays up, no OutOfMemoryError | {s.n:,} | "
              f"{fmt_rate(over['offeredRps'])}/s for {m['overloadSeconds']} s; max VmRSS {fmt_opt(rss)} MiB | "
              f"{'up' if m.get('overloadAlive') else 'down'}, {m.get('overloadOomErrors', 0)} OOM | {verdict(alive)} |")
            if not alive:
                misses.append(("overload-down", s, 0))
            ok = kept >= TARGET_OVERLOAD_KEPT * m["lookupBest"]
            p(f"| overload: admitted lookups keep >= {TARGET_OVERLOAD_KEPT:.0%} of the sustained rate | {s.n:,} | "
              f"{fmt_rate(kept)}/s answered 200 (sustained {fmt_rate(m['lookupBest'])}/s), "
              f"p99 of those {fmt_ms(over.get('okLatencyUs', {}).get('p99', 0))} ms | "
              f"{kept / m['lookupBest'] if m['lookupBest'] else 0:.2f} | {verdict(ok)} |")
            if not ok:
                misses.append(("overload-kept", s, kept))
            ok = lost <= 0.01 * sent and (refused["count"] == 0 or ms(refused["p99"]) <= TARGET_REFUSAL_P99_MS)
            p(f"| overload: the excess refused at once (503 `overloaded`, p99 <= {TARGET_REFUSAL_P99_MS:.0f} ms), "
              f"nothing else lost | {s.n:,} | {refused['count']:,} refused of {sent:,} "
              f"(p99 {fmt_ms(refused['p99'])} ms), {lost:,} other failures (by status: {failures_text(over)}) | "
              f"{refused['count'] / sent if sent else 0:.2f} refused | {verdict(ok)} |")
            if not ok:
                misses.append(("overload-refusals", s, (lost, ms(refused["p99"]))))
    if len(scales) >= 2:
        lo, hi = scales[0], scales[-1]
        for label, what in (("list-ref", "list my referrals, page 1"), ("deep-ref", "list my referrals, deep page"),
                            ("cursor-ref", "list my referrals, deep page by cursor"),
                            ("stats-ref", "referral stats")):
            a, b = lo.load(label), hi.load(label)
            if not a or not b:
                continue
            pa, pb = ms(a["latencyUs"]["p99"]), ms(b["latencyUs"]["p99"])
            ratio = pb / pa if pa else float("inf")
            ok = ratio <= TARGET_SCALE_RATIO and (b["sent"] - b["ok"]) <= 0.01 * b["sent"]
            if not (sustained(a, sustain) and sustained(b, sustain)):
                ok = False
                ratio_note = " (a reference step was overloaded: not comparable)"
            else:
                ratio_note = ""
            p(f"| {what}{ratio_note}: p99 at {hi.n:,} <= {TARGET_SCALE_RATIO}x p99 at {lo.n:,} users | {lo.n:,} vs {hi.n:,} | "
              f"{fmt_rate(a['offeredRps'])}/s: p99 {pa:.2f} ms vs {pb:.2f} ms | {ratio:.2f}x | {verdict(ok)} |")
            if not ok:
                misses.append(("scale-" + label + ("" if not ratio_note else "-overloaded"), hi, ratio))
    else:
        p(f"| list and stats: p99 at the largest <= {TARGET_SCALE_RATIO}x p99 at the smallest scale | - | "
          "needs two scales in one run | - | not measured |")
    p("")

    # ------------------------------------------------------------------ misses
    p("### Misses: why, and what would fix them\n")
    if not misses:
        p("None in this run.\n")
    try:
        load1 = float(str(machine.get("loadAverageAtStart", "0")).split()[0])
    except ValueError:
        load1 = 0.0
    if misses and load1 > 0.5 * (machine.get("nproc") or 1):
        p(f"The machine was busy when this run started (load average {machine.get('loadAverageAtStart')} on "
          f"{machine.get('nproc')} cores, from other work than this benchmark): each miss below may be the "
          "machine's rather than the app's.\n")
    for kind, s, value in misses:
        p("- " + explain(kind, s, value, st))
    p("")

    # ------------------------------------------------------------------ plots
    p(PLOTS_SECTION)

    # ------------------------------------------------------------------ summary per scale
    p("## Results\n")
    p("Latency is measured by the load generator per request, in microseconds, from the virtual user's "
      "scheduled arrival to the last byte of the response (open model: arrivals never wait for responses). "
      f"A step is *sustained* when at most 1% of its requests fail, its p99 is at most {sustain:.0f} ms "
      f"({hash_sustain:.0f} ms for token and register, which each cost one Argon2id hash) and the achieved "
      "rate is at least 90% of the offered rate. Throughput is the achieved rate of successful responses. "
      "Token and register are CPU-bound, so their *max throughput* is the highest achieved rate of a step with "
      "at most 1% failures, whatever its latency (a saturated step queues).\n")
    for s in scales:
        m = s.meta
        c = m["counts"]
        p(f"### {s.n:,} users\n")
        p(f"Data: {c.get('users', 0):,} users, {c.get('referral_codes', 0):,} codes "
          f"({c.get('active_codes', 0):,} active), {c.get('referrals', 0):,} referrals, "
          f"{c.get('reward_entries', 0):,} reward entries, database {c.get('db_bytes', 0) / 2**20:,.0f} MiB; "
          f"seeded in {m['seedMs'] / 1000:.1f} s + VACUUM ANALYZE {m['vacuumMs'] / 1000:.1f} s. "
          f"Start to ready: {m['readyEmptyMs'] / 1000:.2f} s on the empty database (schema migration), "
          f"{m['readySeededMs'] / 1000:.2f} s on the seeded one. RSS: {m['rssIdleKb'] / 1024:.0f} MiB idle after "
          f"start, {fmt_opt(s.rss_max())} MiB at most during the run. One password verification "
          f"{s.hash['singleMedianMs']:.1f} ms (median of {s.hash['count']}, one thread); "
          f"{s.hash['threads']} threads verify {s.hash['parallelPerSecond']:.1f}/s.\n")
        p("| scenario | step | offered/s | achieved/s | ok / sent | failures | p50 ms | p90 ms | p99 ms | max ms |")
        p("|---|---|---|---|---|---|---|---|---|---|")
        rows = [
            ("no-op ceiling " + f"`GET {st['noopPath']}`", s.best("noop", sustain, ["noop-coarse", "noop-fine"]), "best sustained"),
            ("lookup by email (cached)", s.best("lookup", sustain, ["lookup-half", "lookup"]), "best sustained"),
            ("lookup by email (cached)", s.load("lookup-x0.5"), "half the ceiling"),
            ("token (password grant)", s.max_throughput("token", ["token"]), "max throughput"),
            ("token (password grant)", s.best("token", hash_sustain, ["token"]), "best sustained"),
            ("register (with a code)", s.max_throughput("register", ["register"]), "max throughput"),
            ("register (with a code)", s.best("register", hash_sustain, ["register"]), "best sustained"),
            ("list my referrals, page 1", s.load("list-ref"), "reference rate"),
            ("list my referrals, page 1", s.best("list", sustain, ["list-ramp"]), "best sustained"),
            (f"list my referrals, page {st['deepPage']} of {st['heavyRefs']:,} (size {st['deepSize']})",
             s.load("deep-ref"), "reference rate"),
            (f"list my referrals, page {st['deepPage']} (size {st['deepSize']})", s.best("deep", sustain, ["deep-ramp"]), "best sustained"),
            ("the same page by cursor (keyset, reached by a cursor walk)", s.load("cursor-ref"), "reference rate"),
            ("the same page by cursor", s.best("cursor", sustain, ["cursor-ramp"]), "best sustained"),
            ("referral stats", s.load("stats-ref"), "reference rate"),
            ("referral stats", s.best("stats", sustain, ["stats-ramp"]), "best sustained"),
            ("lookup, alone", s.load("mixed-lookup-alone"), "mixed test"),
            ("lookup, next to saturated token", s.load("mixed-lookup-loaded"), "mixed test"),
            ("token, saturating", s.load("mixed-token"), "mixed test"),
        ]
        searched = any(name.endswith("-ramp") for name in s.runs)
        for name, l, step in rows:
            if l is None and step == "best sustained" and not searched and name.startswith(("list", "referral stats")):
                p(f"| {name} | {step} | - | - | - | not searched (quick mode) | - | - | - | - |")
            elif l is None:
                p(f"| {name} | {step} | - | - | - | none sustained | - | - | - | - |")
            else:
                lat = l["latencyUs"]
                p(f"| {name} | {step} | {fmt_rate(l['offeredRps'])} | {fmt_rate(l['achievedRps'])} | "
                  f"{l['ok']:,} / {l['sent']:,} | {failures_text(l)} | {fmt_ms(lat['p50'])} | {fmt_ms(lat['p90'])} | "
                  f"{fmt_ms(lat['p99'])} | {fmt_ms(lat['max'])} |")
        p("")

    # ------------------------------------------------------------------ every step
    p("## Every step\n")
    p("Steps of one Gatling run follow each other; a run ends early once a step is not sustained. "
      "Step length in seconds in the `s` column.\n")
    for s in scales:
        p(f"<details><summary>{s.n:,} users: all steps</summary>\n")
        p("| run | step | offered/s | s | achieved/s | ok / sent | failures | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |")
        p("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for name, run in s.runs.items():
            for l in valid_loads(run):
                lat = l["latencyUs"]
                p(f"| {name} | {l['label']} | {fmt_rate(l['offeredRps'])} | {l['seconds']} | {fmt_rate(l['achievedRps'])} | "
                  f"{l['ok']:,} / {l['sent']:,} | {failures_text(l)} | {fmt_ms(lat['p50'])} | {fmt_ms(lat['p90'])} | "
                  f"{fmt_ms(lat['p99'])} | {fmt_ms(lat['p999'])} | {fmt_ms(lat['max'])} |")
            if run.get("aborted"):
                p(f"| {name} | *ended early* | | | | | {run.get('abortReason', '')} | | | | | |")
        p("\n</details>\n")

    # ------------------------------------------------------------------ method
    p("## Method\n")
    p(METHOD.format(heavy=st["heavy"], heavy_refs=st["heavyRefs"], deep_page=st["deepPage"],
                    deep_size=st["deepSize"], lookup_set=st["lookupSet"], noop=st["noopPath"],
                    read_rps=scales[0].meta.get("readRps"), deep_rps=scales[0].meta.get("deepRps"), mixed=st["mixedLookupFraction"], step=st["step"],
                    coarse=st["coarse"], half=st["half"], warm_app=8 if machine.get("quick") else 20, read=st["read"], sustain=sustain,
                    hash_sustain=hash_sustain, pin=pin))
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(w).rstrip() + "\n")
    write_plots(*plot_data(scales, st), os.path.dirname(os.path.abspath(out)))


def fmt_opt(v):
    return f"{v:.0f}" if v is not None else "?"


def refused_beside_logins(s):
    """Lookups of the loaded mixed step refused with 503 overloaded (0 when none)."""
    loaded = s.load("mixed-lookup-loaded")
    return int(loaded.get("failures", {}).get("503", 0)) if loaded else 0


def cpu_note(s, run):
    """' (Gatling used X of the Y CPU-seconds the cores had over the run, the app Z)', or ''."""
    c = s.cpu.get(run)
    if not c or not c.get("wallS"):
        return ""
    total = c["wallS"] * c["cores"]
    return (f" (over this run Gatling used {c['gatlingCpuS']:.0f} of the {total:.0f} CPU-seconds the "
            f"{c['cores']} cores had, {c['gatlingCpuS'] / total:.0%}, the app {c['appCpuS']:.0f}, "
            f"{c['appCpuS'] / total:.0%})")


def gc_note(s, start_phase, end_phase):
    """', while the app's JVM stopped N times for collections (...)' for the phases, or '' without a GC log."""
    g = s.gc_pauses(start_phase, end_phase)
    if not g or not g["count"]:
        return ""
    return (f" (in this run, over those {g['seconds']:.0f} s, the app's JVM stopped {g['count']} times for "
            f"collections, {g['totalMs']:.0f} ms in all, the longest {g['maxMs']:.1f} ms; -Xlog:gc)")


def explain(kind, s, value, st):
    m = s.meta
    if kind == "lookup-throughput":
        return (f"**Lookup throughput at {s.n:,} users is {value:.2f} of the no-op ceiling.** A cached lookup is "
                "one Redis round trip (the rate-limit counter and the cache read in one pipeline) completed on the "
                "event loop, no worker thread involved (ADR 0006); the no-op makes no round trip at all. What is "
                "left per lookup: the HMAC of the email for the cache key, the JSON answer, the hop to the Redis "
                "client's event loop and back, and Redis itself, which runs on the same two cores as the app and "
                "the load generator. What would close the rest: Redis on its own cores or host, or an in-process "
                "near-cache invalidated by Redis pub/sub (a revoked code must still never be served, so only with "
                "an invalidation that cannot be missed).")
    if kind == "lookup-p99" and s.load("noop-x0.5"):
        collections = gc_note(s, "lookup-half", "end-lookup-half")
        floor = s.load("noop-x0.5")
        f99, f50 = ms(floor["latencyUs"]["p99"]), ms(floor["latencyUs"]["p50"])
        half = s.load("lookup-x0.5")
        return (f"**Lookup p99 at half the ceiling is {value:.1f} ms at {s.n:,} users.** In the same run, at the same "
                f"rate, the no-op endpoint (`{st['noopPath']}`: no Redis, no database, no rate limit) had p99 "
                f"{f99:.1f} ms and p50 {f50:.2f} ms, against the lookup's p50 {ms(half['latencyUs']['p50']):.2f} ms. "
                "Half the ceiling keeps the two cores busy with Gatling, the app, Redis and PostgreSQL together, "
                "and the tail is a request waiting for a core (or for a collection in either JVM), not the lookup's "
                "own work: the floor that the no-op row shows is "
                f"{'most' if f99 >= 0.5 * value else 'part'} of it{collections}. What would lower it: the load "
                "generator on "
                "another machine (here it shares the two cores with the app) or cores pinned per process "
                "(BENCH_APP_CPUS/BENCH_LOAD_CPUS), which measure a different machine.")
    if kind == "lookup-p99":
        return (f"**Lookup p99 at half the ceiling is {value:.1f} ms at {s.n:,} users.** The tail is set by "
                "queueing once the offered rate nears what the lookup sustains (see the throughput row): requests "
                "then wait for the event loop, and the p99 is queueing time. At the rates it sustains the p99 is a "
                "few milliseconds (see Results). What would fix it: the same as for throughput.")
    if kind == "token":
        tk = s.max_throughput("token", ["token"])
        par = s.hash["parallelPerSecond"]
        rate = tk["achievedRps"] if tk else 0
        ideal = s.meta["hashLimit"]
        if par and rate >= 0.9 * par:
            cause = (f"The app reached {rate / par:.2f} of what {s.hash['threads']} threads of the same hasher did "
                     f"alone ({par:.1f}/s), but that is only {par / ideal:.2f} of the ideal cores / one verification "
                     f"({ideal:.1f}/s): on this machine Argon2id does not scale to every core (other processes, "
                     "or memory bandwidth: each verification fills 19 MiB). The app itself is not the limit; a quiet "
                     "machine, or the generator on other cores, should close most of the gap.")
        else:
            cause = (f"The app reached {rate:.1f}/s, {rate / par if par else 0:.2f} of what {s.hash['threads']} threads "
                     f"of the same hasher did alone ({par:.1f}/s). Besides Argon2id a token request reads the user, "
                     "signs an ES256 JWT and stores a refresh token, and the load generator, PostgreSQL and Redis "
                     "take CPU on the same cores. Hashes are already bounded to one per core (ADR 0007). The "
                     "reference itself is noisy: compare the app's token throughput and the measured verification "
                     "time across the scales of this run; where the app's rate stays the same and the reference "
                     "moves, the miss is the reference's (bench/README.md, Reading a run). What would fix it: the "
                     "load generator on other cores, or a machine with more of them.")
        return f"**Token reaches {value:.2f} of the hashing limit at {s.n:,} users.** " + cause
    if kind == "mixed" and refused_beside_logins(s):
        loaded, token = s.load("mixed-lookup-loaded"), s.load("mixed-token")
        return (f"**Lookup p99 grows {value:.1f}x next to saturated token at {s.n:,} users, and "
                f"{refused_beside_logins(s):,} of its {loaded['sent']:,} lookups were refused with 503 `overloaded`.** "
                f"Token was offered at {fmt_rate(token['offeredRps'])}/s and answered {fmt_rate(token['achievedRps'])}/s "
                f"(p50 {ms(token['latencyUs']['p50']):.0f} ms): the requests in flight at once reached the admission "
                "budget (REFERRAL_HTTP_MAX_CONCURRENT_REQUESTS). Logins waiting for a hash can take at most "
                "REFERRAL_PASSWORD_HASHING_MAX_WAITING of it (32 per slot, ADR 0007), so the rest were lookups held "
                "up together, by a pause or a core taken"
                f"{gc_note(s, 'mixed', 'end-mixed')}.")
    if kind == "mixed-token":
        token = s.load("mixed-token")
        refused = "" if failures_text(token) == "-" else f"; refused {failures_text(token)}"
        return (f"**Token next to lookups reaches {value:.2f} of the hashing limit at {s.n:,} users** "
                f"({fmt_rate(token['achievedRps'])}/s{refused}). The hashing limit is what the cores "
                "can hash with nothing else running; here the hashes share them with the lookups' event loops, the "
                "collector that clears the hashes' own garbage, the JIT, Redis, PostgreSQL and the load generator, "
                "and the hashing threads run at nice 10, so every other runnable thread goes first (ADR 0007: "
                "lookups before logins is the point). Measured by hand (`top -H` over 8 s, 225 lookups/s next to "
                "40 logins/s offered, hashing at nice 0): the two hashing threads got 0.44 and 0.41 of a core, the "
                "C2 compiler 0.20, the collector 0.20, the event loops 0.19; logins went through at 6-8/s against "
                "12-13/s alone. What would fix it: cores for the hashes alone (more cores, or the load generator and "
                "the databases elsewhere); a faster hash is not on the table (OWASP's parameters).")
    if kind == "mixed":
        return (f"**Lookup p99 grows {value:.1f}x next to saturated token at {s.n:,} users.** The hashes run on "
                "their own threads at nice 10 (ADR 0007), so the scheduler prefers the request threads; what is "
                "left is the garbage collector. Every Argon2id hash allocates its 19 MiB as some 19,500 small "
                "blocks (Bouncy Castle allocates them afresh per hash), so saturated logins push about 350 MB/s "
                "through the young generation, and each young collection copies the blocks of the hashes in "
                f"progress while every thread, the lookups' too, stands still{gc_note(s, 'mixed', 'end-mixed')}. "
                "Measured by hand the same day with the same jar (400 lookups/s next to 19 logins/s, two runs "
                "each): G1, the default, 2.6x and 18x; ZGC (`-XX:+UseZGC`, pauses under a millisecond) 2.4x and "
                "2.3x; Shenandoah 3.3x and 22x; the hashing threads at nice 19 or SCHED_IDLE changed nothing "
                "beyond the noise. What would fix it: ZGC where logins are heavy (more memory: not the documented "
                "options, whose Serial GC pauses the same way), or fewer concurrent hashes than cores "
                "(REFERRAL_PASSWORD_HASHING_CONCURRENCY=1 on two cores), at half the login throughput.")
    if kind == "mixed-overloaded":
        return (f"**Lookup next to saturated token at {s.n:,} users: not comparable.** The lookup rate of the "
                "test was not even sustained alone (its unloaded p99 is above the sustained bound), so the ratio "
                "says nothing; on a quieter machine, or with a lower BENCH_MIXED_LOOKUP_FRACTION, the reference "
                "is clean. Were it confirmed, the fix would be a bounded hashing executor smaller than the core "
                "count, so that lookups always find a free core.")
    if kind == "ready":
        return (f"**Start to ready takes {value / 1000:.2f} s at {s.n:,} users with migrations at start** (Quarkus "
                f"reports {m['startedSeededS'] or '?'} s): Liquibase loads its classes and checks the changelog even "
                "with nothing to migrate. This is the plain command; production runs migrations as a separate step "
                "(the generated Kubernetes Deployment does), see the rows below.")
    if kind == "ready-nomigrate":
        return (f"**Without migrations at start and without JVM options, ready takes {value / 1000:.2f} s at "
                f"{s.n:,} users** (Quarkus reports {m['startedNoMigrateS'] or '?'} s): loading and verifying some "
                "14,000 classes (Quarkus, Hibernate, Vert.x, the Redis client) and the Hibernate boot, on two cores "
                "shared with PostgreSQL. The levers, each measured in the rows below: the documented options (C1 "
                "only, Serial GC) and an AppCDS archive, which maps the classes already parsed and verified.")
    if kind == "ready-documented":
        return (f"**With the documented options alone, ready takes {value / 1000:.2f} s at {s.n:,} users**: "
                "class loading still dominates; the AppCDS row below is the configuration the README documents "
                "for a start within the target.")
    if kind == "ready-cds":
        if not value:
            return (f"**The AppCDS archive was not used at {s.n:,} users** (see the app logs of the run): the "
                    "training start wrote none, or the JVM refused it (another JVM build or class path).")
        return (f"**Even with the AppCDS archive, ready takes {value / 1000:.2f} s at {s.n:,} users** "
                f"(Quarkus reports {m['startedCdsS'] or '?'} s). On a quiet machine the same start took 2.3-2.7 s "
                "when this was built; what remains is the Hibernate boot and the first connections, and the "
                "machine's load at the time of the run (see its load average above). A native image would start "
                "in well under a second, but cannot be built here (no GraalVM).")
    if kind == "rss":
        return (f"**With the plain command, RSS reaches {value:.0f} MiB under the lookup load at {s.n:,} users.** "
                "Without options the heap may grow to a quarter of the machine's memory, and a running JVM cannot "
                "lower that maximum; what the app sets for itself (JvmMemoryDefaults: the heap is handed back once "
                "more than 30% of it is free, and G1 collects after a minute without a collection) returns the "
                "memory after a burst, but does not cap it. The cap is the documented options (next row), which "
                "the container image sets; beyond the heap, the JVM's native memory tracking showed metaspace (85 "
                "MiB for the classes of Quarkus, Hibernate, Liquibase and the Redis client), code cache, symbols "
                "and compiler arenas, which only a native image removes.")
    if kind == "rss-documented":
        return (f"**RSS reaches {value:.0f} MiB at {s.n:,} users even with the documented JVM options** "
                f"(`{m['documentedJavaOpts']}`). What is left besides the heap is metaspace for the classes of "
                "Quarkus, Hibernate, Liquibase and the Redis client, the code cache and the JIT compilers' arenas, "
                "and thread stacks. What would fix it: the native image (no metaspace, no JIT).")
    if kind == "overload-down":
        return (f"**The process did not survive the overload at {s.n:,} users** (alive: {m.get('overloadAlive')}, "
                f"OutOfMemoryError lines: {m.get('overloadOomErrors')}): see app-{s.n}.log in the raw results.")
    if kind == "overload-kept":
        return (f"**Under overload the admitted lookups fell to {value:.0f}/s at {s.n:,} users** (sustained "
                f"{m['lookupBest']}/s). The load generator shares the cores, and at twice the rate it needs about "
                f"twice the CPU{cpu_note(s, 'overload')}, which the app then lacks; the requests past the admission "
                "limit still cost the event loops their parsing and the refusal, and Redis replies wait behind "
                "them on the same event loops: past the cache's 200 ms timeout a lookup counts as a cache miss and "
                "reads the database, which costs more. On this shared machine \"the sustained rate\" at twice the "
                "load is therefore not a rate the app could reach. What would fix it: the load generator on another "
                "machine to judge the app alone; in production, refusing at the load balancer (a rate limit per "
                "instance) before the app's cores are spent.")
    if kind == "overload-refusals":
        lost, refusal_p99 = value
        return (f"**Under overload at {s.n:,} users the refusals were not immediate (p99 {refusal_p99:.0f} ms) and "
                f"{lost:,} requests failed otherwise.** The admission limit counts the requests in flight inside the "
                f"app; at twice the sustained rate{cpu_note(s, 'overload')} the event loops and the kernel's "
                "accept queue are the queue, so a "
                "request waits there before the limit sees it, and its 503 comes late. What would fix it: refusing "
                "before that queue, at the load balancer (a connection or rate limit per instance), or a smaller "
                "accept backlog (quarkus.http.accept-backlog) so that excess connections are refused by the kernel.")
    if kind.startswith("scale-") and kind.endswith("-overloaded"):
        return (f"**{kind[6:-11]} at {s.n:,} users: not comparable.** The reference rate was not sustained at one "
                "of the two scales (p99 above the sustained bound or failures), so its p99 is queueing, not "
                "query cost. Lower BENCH_READ_RPS / BENCH_DEEP_RPS or run on a quieter machine; if the deep page "
                "by number is the one overloaded, it is also a sign that OFFSET paging reads every skipped row "
                "(compare the same page by cursor, cursor-ref).")
    if kind == "scale-deep-ref":
        return (f"**p99 of the deep page grows {value:.2f}x from the smallest to {s.n:,} users.** The page query "
                "joins *all* of the referrer's referrals to users and codes and only then sorts and skips "
                "(OFFSET): at 10k the planner hashes small tables, at 1M it runs thousands of index lookups plus a "
                "scan of referral_codes (EXPLAIN ANALYZE of the page-50 query: ~35 ms at 10k, ~200 ms at 1M on the "
                "development machine). What would fix it: pick the page's referral ids first from "
                "referrals_referrer_created_idx alone (ORDER BY created_at DESC, id DESC OFFSET/LIMIT on referrals, "
                "an index-only scan), then join only those rows. Keyset pagination makes every page cost the "
                "same: the same page by cursor is the cursor-ref row (ADR 0016); clients walking deep should "
                "follow `next`.")
    if kind.startswith("scale-"):
        what = {"scale-list-ref": "list page 1", "scale-deep-ref": "the deep page",
                "scale-cursor-ref": "the deep page by cursor", "scale-stats-ref": "stats"}[kind]
        return (f"**p99 of {what} grows {value:.2f}x from the smallest to {s.n:,} users.** Check the query "
                "plans at this scale (EXPLAIN ANALYZE): a count or an aggregate over all of a user's rows "
                "is fine, a sequential scan or a sort over the whole table is not; the fix is an index that "
                "starts with the caller's id (referrer_id, owner_id, user_id) for each of these queries, or "
                "keyset pagination for deep pages.")
    return kind


# ---------------------------------------------------------------------------------------------------- plots
# Two SVG charts next to the report, drawn by hand (no plotting library): latency per scale and throughput against
# the ceilings. Both read one neutral structure, {scale: {key: {"offered", "achieved", "p50", "p90", "p99"}}} plus
# the hashing limit per scale, built from a results directory (plot_data) or, without one, from the tables of an
# existing report (plot_data_from_report), so that the plots of a committed report can be redrawn.

PLOT_SCENARIOS = [
    # key, label, report row (scenario prefix, step)
    ("noop", "no-op ceiling", ("no-op ceiling", "best sustained")),
    ("lookup", "lookup (best sustained)", ("lookup by email (cached)", "best sustained")),
    ("token", "token (max)", ("token (password grant)", "max throughput")),
    ("register", "register (max)", ("register (with a code)", "max throughput")),
    ("list", "list page 1", ("list my referrals, page 1", "reference rate")),
    ("deep", "deep page", ("list my referrals, page ", "reference rate")),
    ("stats", "stats", ("referral stats", "reference rate")),
]
SCALE_COLOURS = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c"]
SERIES_COLOURS = {"noop": "#6b7280", "lookup": "#1d4ed8", "token": "#b45309", "register": "#047857"}


def plot_point(load):
    if not load:
        return None
    lat = load["latencyUs"]
    return {"offered": load["offeredRps"], "achieved": load["achievedRps"],
            "p50": ms(lat["p50"]), "p90": ms(lat["p90"]), "p99": ms(lat["p99"])}


def plot_data(scales, st):
    """The plotted numbers of a run, taken exactly as the Results tables take them."""
    sustain, hash_sustain = float(st["sustainP99Ms"]), float(st["hashSustainP99Ms"])
    data, limits = {}, {}
    for s in scales:
        data[s.n] = {
            "noop": plot_point(s.best("noop", sustain, ["noop-coarse", "noop-fine"])),
            "lookup": plot_point(s.best("lookup", sustain, ["lookup-half", "lookup"])),
            "token": plot_point(s.max_throughput("token", ["token"])),
            "register": plot_point(s.max_throughput("register", ["register"])),
            "list": plot_point(s.load("list-ref")),
            "deep": plot_point(s.load("deep-ref")),
            "stats": plot_point(s.load("stats-ref")),
        }
        limits[s.n] = s.meta["hashLimit"]
    return data, limits


def _number(text):
    text = text.strip().replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def plot_data_from_report(path):
    """The same numbers, read back from the Results and Targets tables of a report this script wrote."""
    data, limits, scale = {}, {}, None
    for line in open(path, encoding="utf-8"):
        heading = re.match(r"^### ([\d,]+) users", line)
        if heading:
            scale = int(heading.group(1).replace(",", ""))
            data[scale] = {key: None for key, _, _ in PLOT_SCENARIOS}
            continue
        limit = re.match(r"^\| token >= .* \| ([\d,]+) \| .*= ([\d.,]+)/s \(HashTool", line)
        if limit:
            limits[int(limit.group(1).replace(",", ""))] = _number(limit.group(2))
            continue
        if scale is None or not line.startswith("| "):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 10:
            continue
        for key, _, (prefix, step) in PLOT_SCENARIOS:
            deep_ok = key != "deep" or " of " in cells[0]
            if cells[0].startswith(prefix) and cells[1] == step and deep_ok and data[scale][key] is None:
                values = [_number(c) for c in (cells[2], cells[3], cells[6], cells[7], cells[8])]
                if None not in values:
                    data[scale][key] = dict(zip(("offered", "achieved", "p50", "p90", "p99"), values))
    return data, limits


def _esc(text):
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _log_axis(lo, hi):
    """Decades from 10^floor(log lo/3) (room below the shortest bar) to 10^ceil(log hi)."""
    a, b = math.floor(math.log10(lo / 3)), math.ceil(math.log10(hi))
    return a, max(b, a + 1)


def _tick_label(exponent, unit):
    value = 10.0 ** exponent
    if value >= 1000 and unit == "ms":
        return f"{value / 1000:g} s"
    return f"{value:,.10g}{' ' + unit if unit else ''}"


def _svg(width, height, title, body):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" font-family="sans-serif" font-size="12" role="img" aria-label="{_esc(title)}">\n'
            f'<title>{_esc(title)}</title>\n<rect width="{width}" height="{height}" fill="#ffffff"/>\n'
            + "\n".join(body) + "\n</svg>\n")


def _grouped_log_bars(title, subtitle, groups, series, unit, lo, hi, markers=()):
    """groups: [(label, {series_key: (value, tick_or_None)})]; series: [(key, label, colour)];
    markers: [(group_index, series_key, value, label)] drawn as a dashed line over that bar."""
    width, height = 900, 420
    left, right, top, bottom = 70, 20, 60, 80
    plot_w, plot_h = width - left - right, height - top - bottom
    a, b = _log_axis(lo, hi)

    def y(value):
        value = max(value, 10.0 ** a)
        return top + plot_h - (math.log10(value) - a) / (b - a) * plot_h

    body = [f'<text x="{left}" y="22" font-size="16" font-weight="bold">{_esc(title)}</text>',
            f'<text x="{left}" y="42" fill="#4b5563">{_esc(subtitle)}</text>']
    for e in range(a, b + 1):
        yy = y(10.0 ** e)
        body.append(f'<line x1="{left}" y1="{yy:.1f}" x2="{width - right}" y2="{yy:.1f}" stroke="#e5e7eb"/>')
        body.append(f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end" fill="#4b5563">'
                    f'{_esc(_tick_label(e, unit))}</text>')
    slot = plot_w / max(1, len(groups))
    bar_w = min(28.0, (slot - 16) / max(1, len(series)))
    for gi, (label, values) in enumerate(groups):
        x0 = left + gi * slot + (slot - bar_w * len(series)) / 2
        for si, (key, series_label, colour) in enumerate(series):
            point = values.get(key)
            x = x0 + si * bar_w
            if not point or point[0] is None or point[0] <= 0:
                body.append(f'<text x="{x + bar_w / 2:.1f}" y="{top + plot_h - 4:.1f}" text-anchor="middle" '
                            f'fill="#9ca3af" font-size="10">-</text>')
                continue
            value, tick = point
            yy = y(value)
            body.append(f'<rect x="{x + 1:.1f}" y="{yy:.1f}" width="{bar_w - 2:.1f}" height="{top + plot_h - yy:.1f}" '
                        f'fill="{colour}"><title>{_esc(label)}, {_esc(series_label)}: {value:,.4g} {unit}</title></rect>')
            if tick is not None and tick > 0:
                ty = y(tick)
                body.append(f'<line x1="{x + 1:.1f}" y1="{ty:.1f}" x2="{x + bar_w - 1:.1f}" y2="{ty:.1f}" '
                            f'stroke="#111827" stroke-width="2"/>')
        body.append(f'<text x="{left + (gi + 0.5) * slot:.1f}" y="{top + plot_h + 18:.1f}" text-anchor="middle">'
                    f'{_esc(label)}</text>')
        for mi, (group_index, key, value, marker_label) in enumerate(markers):
            if group_index != gi or value is None or value <= 0:
                continue
            si = [k for k, _, _ in series].index(key)
            x = x0 + si * bar_w
            my = y(value)
            body.append(f'<line x1="{x - 3:.1f}" y1="{my:.1f}" x2="{x + bar_w + 3:.1f}" y2="{my:.1f}" '
                        f'stroke="#dc2626" stroke-width="2" stroke-dasharray="4 2"><title>{_esc(marker_label)}'
                        f'</title></line>')
    body.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" stroke="#374151"/>')
    lx = left
    for key, series_label, colour in series:
        body.append(f'<rect x="{lx}" y="{height - 30}" width="12" height="12" fill="{colour}"/>')
        body.append(f'<text x="{lx + 16}" y="{height - 20}">{_esc(series_label)}</text>')
        lx += 24 + 7 * len(series_label)
    return _svg(width, height, title, body)


def latency_svg(data):
    scales = sorted(data)
    series = [(n, f"{n:,} users", SCALE_COLOURS[i % len(SCALE_COLOURS)]) for i, n in enumerate(scales)]
    groups = [(label, {n: ((data[n].get(key) or {}).get("p99"), (data[n].get(key) or {}).get("p50"))
                       for n in scales}) for key, label, _ in PLOT_SCENARIOS]
    values = [v for _, g in groups for p in g.values() for v in p if v]
    return _grouped_log_bars("Latency per scale", "p99 (bar) and p50 (black tick) in ms, log scale; "
                             "the step of each scenario as in the Results tables", groups, series, "ms",
                             min(values or [0.1]), max(values or [1000]))


def throughput_svg(data, limits):
    scales = sorted(data)
    keys = ["noop", "lookup", "token", "register"]
    labels = {"noop": "no-op ceiling", "lookup": "lookup, best sustained", "token": "token, max",
              "register": "register, max"}
    series = [(k, labels[k], SERIES_COLOURS[k]) for k in keys]
    groups = [(f"{n:,} users", {k: ((data[n].get(k) or {}).get("achieved"), None) for k in keys}) for n in scales]
    markers = []
    for gi, n in enumerate(scales):
        ceiling = (data[n].get("noop") or {}).get("achieved")
        if ceiling:
            markers.append((gi, "lookup", TARGET_LOOKUP_RATIO * ceiling,
                            f"target: {TARGET_LOOKUP_RATIO:.0%} of the no-op ceiling"))
        if limits.get(n):
            markers.append((gi, "token", limits[n], "hashing limit: cores / one verification"))
            markers.append((gi, "register", limits[n], "hashing limit: cores / one verification"))
    values = [v for _, g in groups for v, _ in g.values() if v] + [m[2] for m in markers]
    return _grouped_log_bars("Throughput against the ceilings",
                             "achieved requests/s, log scale; red dashes: the lookup target (half the no-op "
                             "ceiling) and the hashing limit", groups, series, "/s",
                             min(values or [1]), max(values or [10000]), markers)


def write_plots(data, limits, directory):
    """Writes performance-latency.svg and performance-throughput.svg into directory; returns their names."""
    names = {"latency": "performance-latency.svg", "throughput": "performance-throughput.svg"}
    with open(os.path.join(directory, names["latency"]), "w", encoding="utf-8") as f:
        f.write(latency_svg(data))
    with open(os.path.join(directory, names["throughput"]), "w", encoding="utf-8") as f:
        f.write(throughput_svg(data, limits))
    return names


METHOD = """\
**Data.** For a scale of N users (bench/seed.sql, SQL `generate_series`, seeded straight into the tables that
Liquibase created, then `VACUUM ANALYZE`): N regular users in groups of six, the first of each group a
referrer and the other five registered with its code, so about N/6 referrers with 5 referrals each and 5N/6
referred users. 90% of the referrers hold an ACTIVE code, 10% only an EXPIRED one ("codes for most
referrers"). On top of that, at every scale, a heavy cohort of {heavy} referrers with {heavy_refs:,} referrals
each, so that a deep page costs the same work at every scale. Each referral has its 10-point ledger entry
for the referrer (referee points default to 0). Every user has the same Argon2id hash, made by the app's
own hasher with the production parameters. N is thus the regular population; the tables also hold the heavy
cohort (see the counts per scale).

**App.** The packaged jar (`java -jar referral-bootstrap/target/quarkus-app/quarkus-run.jar`, production
profile, as in `.ci/smoke.sh`) against the machine's PostgreSQL (a fresh database per scale) and Redis,
listening on 127.0.0.1 only. Some settings differ from the defaults, so that the run length and the single
client address do not change what is measured: the lookup cache TTL is 1 h (default 10 min), access tokens
live 2 h (default 15 min), and the per-client rate limits of lookup, token and register are raised to 10^9
requests per window (all load comes from 127.0.0.1; the limiter stays enabled, so its cost is measured).
Everything else, including the Redis and database pool sizes, is the production default. Time to ready is from spawning the JVM to the first 200 of `/q/health/ready` (polled every 50 ms),
measured at a start on the seeded database; the first start, on the empty database, also migrates the
schema and is reported for information. RSS is `VmRSS` of the app process sampled every 250 ms.

**Load.** Gatling 3.14.9, Java DSL (`bench/gatling/src/test/java/bench/StepSimulation.java`), run directly
with `java` on the class path that Maven resolved (one JVM start per run, no Maven start). Open model:
`constantUsersPerSec(rate).during(seconds)`, each virtual user sends one request; the connection pool is
shared and unbounded, so a slow response never holds back the next arrival (no coordinated omission: a
request that finds no idle connection opens one and that time counts). Latency is recorded per request into
an HdrHistogram in microseconds, from the virtual user's start to the response. Gatling was preferred to
Hyperfoil because its Java DSL runs in-process from a plain Maven project with no controller or agent, it
resolved offline after one fetch, and its open injection profiles are well documented; Hyperfoil's built-in
correction would have been equally valid.

**The load generator runs on the same machine as the app and takes CPU from it**: {pin}. Pinning the app to
one core and Gatling to the other (BENCH_APP_CPUS=0 BENCH_LOAD_CPUS=1) was not the default because it halves
the cores the app can hash with and leaves PostgreSQL and Redis contending with one of the two anyway; the
targets are ratios measured under the same sharing, which is what keeps them meaningful here.

**Warm-up.** Before the measured phases, a {warm_app} s run sends a moderate mix of no-op, lookup, list and stats
requests (JIT warm-up of the app), and every Gatling run (a fresh JVM) starts with a few seconds of no-op traffic
at 100/s to warm the generator itself; none of this is reported as a result.

**Scenarios and steps** (step lengths: coarse {coarse} s, normal {step} s, lookup at half the ceiling
{half} s, reference reads {read} s; the quick mode runs fewer steps than listed here, see `bench/run.sh`):
- *No-op ceiling*: `GET {noop}` (SmallRye Health liveness with no checks: the same Vert.x HTTP server and
  worker threads as the API, but not the JAX-RS resource layer; the app has no trivial REST endpoint).
  Rates double from 500/s until a step is not sustained, then four steps between the last good and the
  first bad rate; the ceiling is the highest sustained one.
- *Lookup by email* (`GET /api/v1/referral-codes/lookup?email=`): a working set of {lookup_set:,} referrers
  with an active code, spread over the whole population; each is looked up once first (cache warm-up), then
  random ones at 0.5 of the ceiling (always, for the p99 target), then 0.6, 0.7 ... (or 0.1 ... 0.4 when 0.5
  was not sustained) until a step is not sustained. "p99 at half that rate" is
  read as p99 at half the no-op ceiling, i.e. at exactly the throughput the first lookup target asks for.
- *Token* (`POST /api/v1/auth/token`, password grant, form): random seeded users, at 0.5 (warm-up), 0.7, 0.8,
  0.9, 1.0, 1.1, 1.2 of the hashing limit; its throughput is the highest achieved rate (the steps above the
  limit show what saturation gives). HashTool also times the same verifications on as many threads as cores,
  which shows how far this machine is from the ideal "cores / one verification". The hashing limit is cores / the median time of one verification of a
  seeded hash by the app's own `Argon2idPasswordHasher` (bench/tools/HashTool.java, run next to the idle app
  just before the load, with the jar's libraries on the class path).
- *Lookup next to saturated token*: lookup at {mixed} x the ceiling alone, then the same lookup rate while
  token is offered at the hashing limit; the ratio of the two p99.
- *Register* (`POST /api/v1/auth/register` with a random active code: user, referral and ledger entry in one
  transaction, plus one Argon2id hash): 0.5 (warm-up), 0.7, 0.8, 0.9, 1.0, 1.1 of the hashing limit.
- *List my referrals* page 1 (size 50) of random regular referrers (5 referrals), *the deep page* (page
  {deep_page}, size {deep_size}, the last one) of the heavy referrers, *the same deep page by cursor* (keyset
  paging: the cursor comes from a walk by `next` from page 1, done once before the step), and *referral stats* of random regular
  referrers, each with bearer tokens fetched before the load: first at the same fixed rate at every scale
  ({read_rps}/s; {deep_rps}/s for the deep page, either way), which is what the 1M-versus-10k ratio compares, then a short
  ramp for the maximum (not in the quick mode).

**Sustained** means: at most 1% failed requests, p99 <= {sustain:.0f} ms ({hash_sustain:.0f} ms for token and
register), and an achieved rate of at least 90% of the offered rate.
"""


if __name__ == "__main__":
    main()
