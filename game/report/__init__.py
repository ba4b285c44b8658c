"""The debrief: what happened in a game and why, from the game's own record.

Entry points (no pygame anywhere in this package):
- `debrief.build_debrief(state, vendor=None, lang="en", players=None)`: one dict of pure
  data with every section (outcome, decision, timeline, series, motives, coordination,
  ledger, lost_order, moments, whatif); the window's debrief scene and the HTML render it.
- `charts.render_charts(data)`: the charts as PNG bytes (pygame can load them from BytesIO).
- `html.render_html(data, charts)`: one self-contained page for printing or projecting.
- `whatif.restart_at(state, week)`: the game as it stood at the start of `week`, to replay.
- `command.register(sub)`: the `report SAVE --out FILE` sub-command.
"""
