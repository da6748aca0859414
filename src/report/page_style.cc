// The report's stylesheet. System fonts only (nothing to download); tabular figures so numbers
// line up; colors from the map palette for accents.
#include "report/sections.h"

namespace floe::report {

const char* page_style() {
  return R"(
:root { --ink: #1d2733; --muted: #5a6775; --rule: #d9e0e6; --accent: #123d6e; }
* { box-sizing: border-box; }
body { margin: 0; background: #ffffff; color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; }
main { max-width: 1000px; margin: 0 auto; padding: 28px 20px 48px; }
header h1 { font-size: 30px; line-height: 1.2; margin: 0 0 6px; color: var(--accent); }
header .subtitle { color: var(--muted); margin: 0 0 22px; }
h2 { font-size: 22px; margin: 40px 0 10px; padding-top: 12px; border-top: 1px solid var(--rule); }
h3 { font-size: 17px; margin: 26px 0 8px; }
a { color: var(--accent); }
.figures { display: flex; gap: 14px; flex-wrap: wrap; }
.figure { flex: 1 1 280px; border: 1px solid var(--rule); border-radius: 8px; padding: 14px 16px;
  background: #f5f9fc; }
.figure .value { font-size: 40px; font-weight: 700; line-height: 1.1; color: var(--accent);
  font-variant-numeric: tabular-nums; }
.figure .label { font-weight: 600; margin-top: 2px; }
.figure .detail { color: var(--muted); font-size: 14px; }
#surface-figure { background: #ffffff; }
#surface-figure .value { color: #5fa2cc; }
.lede { font-size: 19px; margin: 18px 0 8px; }
.caveat, .note, .hint { color: var(--muted); font-size: 14px; }
.hint { margin-left: 14px; }
figure { margin: 8px 0 4px; }
figcaption { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 8px 28px; }
svg.map { display: block; max-width: 100%; height: auto; }
svg.map path.state, svg.map path.county { stroke: #ffffff; stroke-linejoin: round;
  vector-effect: non-scaling-stroke; }
svg.map path.state { stroke-width: 0.75; }
svg.map path.county { stroke-width: 0.25; stroke-opacity: 0.7; }
svg.map path.border { fill: none; stroke: #ffffff; stroke-width: 1.2; stroke-linejoin: round;
  vector-effect: non-scaling-stroke; pointer-events: none; }
svg.map path.state:hover, svg.map path.county:hover { stroke: var(--ink); stroke-width: 1.5; }
svg.map circle { fill: #e8590c; fill-opacity: 0.5; stroke: #ffffff; stroke-width: 0.5;
  vector-effect: non-scaling-stroke; }
svg.map circle:hover { fill-opacity: 0.85; stroke: var(--ink); }
svg.legend { display: block; overflow: visible; }
svg.legend text { font-size: 12px; fill: var(--ink); }
svg.legend .legend-caption { font-size: 13px; font-weight: 600; }
svg.legend .legend-break { text-anchor: middle; }
svg.legend .legend-swatch { stroke: #ffffff; stroke-width: 1; }
svg.legend .legend-circle { fill: #e8590c; fill-opacity: 0.5; stroke: #b84507; stroke-width: 0.75; }
table { border-collapse: collapse; width: 100%; margin: 18px 0 6px; font-size: 14px;
  font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 700; font-size: 16px; padding-bottom: 6px; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--rule); text-align: left;
  vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); font-size: 13px; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.code { white-space: nowrap; }
tbody tr:nth-child(even) { background: #f7f9fb; }
.swatch { display: inline-block; width: 11px; height: 11px; margin-right: 7px; border-radius: 2px;
  vertical-align: -1px; }
dl.formula { background: #f5f9fc; border: 1px solid var(--rule); border-radius: 8px;
  padding: 12px 16px; }
dl.formula dt { font-weight: 600; }
dl.formula dd { margin: 0 0 8px 18px; }
.estimated { font-weight: 600; }
table.options th { width: 210px; font-weight: 600; }
footer { color: var(--muted); font-size: 13px; margin-top: 36px; }
@media print { h2 { break-after: avoid; } figure, table { break-inside: avoid; } }
)";
}

}  // namespace floe::report
