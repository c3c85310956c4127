// The portal's one stylesheet: legible, AA contrast, responsive to a phone's width, printable.
export const SITE_CSS = `
:root { --ink:#1a1a1a; --muted:#4a4a4a; --line:#c8ccd2; --bg:#ffffff; --soft:#f3f5f8; --accent:#0b4f8a; --accent-ink:#ffffff; --warn:#7a3b00; --warn-bg:#fff4e5; --ok:#145c2e; --bad:#9b1c1c; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: var(--ink); background: var(--bg); line-height: 1.5; }
body { margin: 0; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--accent); color: var(--accent-ink); padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: 0; }
header.site { background: var(--accent); color: var(--accent-ink); }
header.site a { color: var(--accent-ink); }
header.site .bar { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; padding: .75rem 1rem; max-width: 80rem; margin: 0 auto; }
.brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; margin-right: auto; }
.langs ul, .main-nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.langs a[aria-current] { font-weight: 700; text-decoration: none; border-bottom: 2px solid var(--accent-ink); }
.main-nav { background: #083b67; }
.main-nav ul { max-width: 80rem; margin: 0 auto; padding: .5rem 1rem; }
.main-nav a { text-decoration: none; padding: .25rem 0; display: inline-block; }
.main-nav a[aria-current] { border-bottom: 3px solid var(--accent-ink); font-weight: 600; }
.signout { display: flex; gap: .5rem; align-items: center; }
.signout button { background: transparent; color: var(--accent-ink); border: 1px solid var(--accent-ink); border-radius: 4px; padding: .15rem .6rem; cursor: pointer; }
main { display: block; max-width: 80rem; margin: 0 auto; padding: 1rem; }
main:focus { outline: none; }
footer.site { border-top: 1px solid var(--line); color: var(--muted); padding: 1rem; max-width: 80rem; margin: 2rem auto 0; font-size: .9rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 1.75rem 0 .75rem; }
.lead { color: var(--muted); margin-top: -.5rem; }
.notice { border-left: 4px solid var(--warn); background: var(--warn-bg); color: var(--warn); padding: .5rem .75rem; margin: .75rem 0; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 1rem; }
.meta dt { font-weight: 600; }
.meta dd { margin: 0; }
.meta dt, .meta dd { min-width: 0; overflow-wrap: anywhere; }
form.pickers { display: flex; flex-wrap: wrap; gap: .75rem 1rem; align-items: flex-end; background: var(--soft); padding: .75rem; border-radius: 6px; }
form.pickers label, form.stack label { display: flex; flex-direction: column; font-size: .9rem; font-weight: 600; gap: .2rem; max-width: 100%; min-width: 0; }
form.pickers label.check { flex-direction: row; align-items: center; gap: .4rem; font-weight: 400; }
select, input, button, textarea { font: inherit; max-width: 100%; }
select, input[type=text], input[type=search], input[type=password], input[type=date], input[type=datetime-local], textarea { padding: .35rem .5rem; border: 1px solid #767676; border-radius: 4px; background: #fff; color: var(--ink); }
button, .button { background: var(--accent); color: var(--accent-ink); border: 0; border-radius: 4px; padding: .45rem 1rem; cursor: pointer; text-decoration: none; display: inline-block; }
form.stack { display: grid; gap: .75rem; max-width: 32rem; }
.downloads { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; }
.downloads a { border: 1px solid var(--accent); border-radius: 4px; padding: .25rem .75rem; text-decoration: none; }
.scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 4px; margin: .5rem 0 1rem; position: relative; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .5rem; caption-side: top; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top; }
thead th { background: var(--soft); text-align: left; position: sticky; top: 0; z-index: 1; vertical-align: bottom; box-shadow: inset 0 -1px 0 var(--line); }
.scroll.table-scroll { overflow: auto; max-height: min(80vh, 60rem); overscroll-behavior: contain; }
thead th .head { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 4; line-clamp: 4; overflow: hidden; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead th.num { white-space: normal; min-width: 9rem; }
tbody th[scope=row] { min-width: 14rem; }
td.nodata { color: var(--muted); font-style: italic; text-align: right; }
tr.total th, tr.total td { font-weight: 700; }
tr.selected th, tr.selected td { background: #fff4c2; }
tr:target th, tr:target td { outline: 2px solid #b3470b; outline-offset: -2px; }
ul.hits li { margin: .25rem 0; }
th[scope=row] { font-weight: 400; text-align: left; }
.indent-1 { padding-left: 1.25rem; } .indent-2 { padding-left: 2.25rem; } .indent-3 { padding-left: 3.25rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; list-style: none; padding: 0; }
.cards > li { border: 1px solid var(--line); border-radius: 6px; padding: .75rem; }
.status { display: inline-block; border-radius: 3px; padding: 0 .4rem; font-size: .85rem; background: var(--soft); border: 1px solid var(--line); }
.status.late { background: #fde8e8; color: var(--bad); border-color: #f3b4b4; }
.status.demonstration { background: var(--warn-bg); color: var(--warn); border-color: #e8c98a; }
.status.published, .status.revised { background: #e6f4ea; color: var(--ok); border-color: #a8d5b5; }
.errors { border-left: 4px solid var(--bad); background: #fde8e8; padding: .5rem .75rem; }
.ok { border-left: 4px solid var(--ok); background: #e6f4ea; padding: .5rem .75rem; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .9rem; color: var(--muted); }
.graphics { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1rem; }
pre.code { overflow-x: auto; background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: .5rem .75rem; font-size: .85rem; }
.catalogue { display: grid; gap: 0 2rem; }
@media (min-width: 60rem) { .catalogue { grid-template-columns: 17rem 1fr; } .catalogue .facets { grid-column: 1; grid-row: 1; } .catalogue .found { grid-column: 2; } }
.facets details { margin-bottom: .75rem; }
.facets summary { font-weight: 600; cursor: pointer; }
.facets details ul { list-style: none; margin: .25rem 0 0; padding-left: 0; }
.facets details li { padding: .15rem 0; }
.facets details.more summary { font-weight: 400; }
.summary dl { display: flex; flex-wrap: wrap; gap: .5rem 2.5rem; margin: 0; align-items: baseline; }
.summary dt { font-size: .85rem; color: var(--muted); }
.summary dd { margin: 0; font-size: 1.05rem; }
.summary .figure strong { font-size: 1.8rem; }
.summary .figure.partial dt { color: var(--warn); font-weight: 600; }
.notice.coverage strong { display: block; }
.search { display: flex; gap: .5rem; max-width: 40rem; margin-bottom: 1rem; }
.search input { flex: 1; }
.revised { font-size: 0.75em; vertical-align: super; margin-right: 0.2em; text-decoration: none; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 40rem) { h1 { font-size: 1.3rem; } .meta { grid-template-columns: 1fr; } header.site .bar { padding: .5rem; } }
@media print { header.site, footer.site, form.pickers, .downloads, .skip, .graphics { display: none; } .scroll, .scroll.table-scroll { overflow: visible; max-height: none; border: 0; } form.table-filter { display: none; } thead th { position: static; } a { color: inherit; text-decoration: none; } }
`;
