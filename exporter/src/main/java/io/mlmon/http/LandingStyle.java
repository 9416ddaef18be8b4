package io.mlmon.http;

/**
 * The landing page's inline stylesheet and refresh script: no external assets, since clusters are
 * often air-gapped. Narrow screens get the wide tables as stacked cards.
 */
final class LandingStyle {
  /** Seconds between refreshes of the page. */
  static final int REFRESH_SECONDS = 10;

  static final String CSS =
      """
      :root{--fg:#1f2933;--muted:#616e7c;--bg:#f3f5f7;--card:#fff;--line:#e4e7eb;\
      --drift:#b42318;--drift-bg:#fde8e6;--ok:#1a7f37;--ok-bg:#e3f4e8;--warn:#9a5b00;\
      --link:#1f5fbf}
      *{box-sizing:border-box}
      html{-webkit-text-size-adjust:100%}
      body{margin:0;color:var(--fg);background:var(--bg);\
      font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",\
      "DejaVu Sans",Arial,sans-serif}
      a{color:var(--link)}
      header{background:#1f2933;color:#fff;padding:12px 24px;display:flex;flex-wrap:wrap;\
      gap:6px 24px;align-items:baseline}
      header h1{margin:0;font-size:19px;font-weight:650;letter-spacing:.01em}
      header h1 span{font-weight:400;color:#9aa5b1;font-size:14px;margin-left:6px}
      header .status{color:#cbd2d9;font-size:13px;font-variant-numeric:tabular-nums}
      header nav{margin-left:auto;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:13px}
      header nav a{color:#a8d1ff;text-decoration:none}
      header nav a:hover{text-decoration:underline}
      .stale header .status::after{content:" · not updating: exporter unreachable";\
      color:#ffb4a9;font-weight:600}
      main{max-width:1180px;margin:0 auto;padding:16px}
      .card{background:var(--card);border:1px solid var(--line);border-radius:10px;\
      padding:16px 20px;margin-bottom:16px;box-shadow:0 1px 2px rgba(31,41,51,.04)}
      .section-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:2px 14px}
      h2{font-size:18px;margin:0;overflow-wrap:anywhere}
      h3{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);\
      margin:22px 0 8px}
      .meta{color:var(--muted);font-size:13px;margin:4px 0}
      .kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(165px,1fr));gap:10px;\
      margin-top:12px}
      .kpi{border:1px solid var(--line);border-radius:8px;padding:8px 12px;min-width:0}
      .kpi-label{font-size:11px;color:var(--muted);text-transform:uppercase;letter-spacing:.06em}
      .kpi-value{font-size:22px;font-weight:650;font-variant-numeric:tabular-nums}
      .kpi-detail{font-size:12px;color:var(--muted);overflow-wrap:break-word}
      .table-wrap{overflow-x:auto}
      table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
      th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;\
      vertical-align:middle;white-space:nowrap}
      tbody th{font-weight:600}
      thead th{font-size:11px;color:var(--muted);font-weight:600;text-transform:uppercase;\
      letter-spacing:.05em;border-bottom:2px solid var(--line)}
      td.num,th.num{text-align:right}
      td small{color:var(--muted);font-weight:400;margin-left:4px}
      .badge{display:inline-block;padding:1px 9px;border-radius:999px;font-size:12px;\
      font-weight:650;white-space:nowrap}
      .badge.drift{background:var(--drift-bg);color:var(--drift)}
      .badge.ok{background:var(--ok-bg);color:var(--ok)}
      .badge.collecting{background:#eef0f3;color:var(--muted)}
      tr.is-drift td.name{box-shadow:inset 3px 0 var(--drift)}
      tr.is-ok td.name{box-shadow:inset 3px 0 #b7dfc3}
      tr.is-collecting td{color:var(--muted)}
      td.name{font-weight:600}
      tbody.prediction{background:#f8f9fb}
      .drift-summary{display:flex;flex-wrap:wrap;gap:6px 10px;align-items:center}
      .chart{display:block}
      .chart g:hover .hit{fill:rgba(31,95,191,.08)}
      .legend{white-space:nowrap}
      .legend i{display:inline-block;width:10px;height:10px;border-radius:2px;\
      margin:0 4px 0 8px;vertical-align:-1px}
      .updown{white-space:nowrap;margin-right:6px}
      .updown.up{color:var(--ok)}
      .updown.down{color:var(--drift);font-weight:600}
      .warn{color:var(--warn);font-weight:600}
      .empty-state{padding:28px 20px;text-align:center;color:var(--muted)}
      footer{max-width:1180px;margin:0 auto;padding:4px 16px 24px;color:var(--muted);\
      font-size:12px}
      @media (max-width:720px){
      header{padding:10px 14px}
      header nav{margin-left:0}
      main{padding:8px}
      .card{padding:12px 14px;border-radius:8px}
      .kpis{grid-template-columns:repeat(2,minmax(0,1fr));gap:8px}
      .kpi-value{font-size:19px}
      table.cards thead{display:none}
      table.cards,table.cards tbody{display:block;width:100%}
      table.cards tr{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:0 14px;\
      border-bottom:1px solid var(--line);padding:8px 2px}
      table.cards td,table.cards tbody th{display:flex;justify-content:space-between;\
      align-items:baseline;gap:6px;border:0;padding:2px 0;font-size:13px;white-space:normal;\
      overflow-wrap:anywhere;text-align:right}
      table.cards td::before{content:attr(data-label);color:var(--muted);font-size:12px;\
      text-align:left;flex:none}
      table.cards tbody th:first-child,table.cards td.name{grid-column:1/-1;display:block;\
      text-align:left;font-size:15px;box-shadow:none;padding-bottom:4px}
      table.cards td.name::before{content:none}
      table.cards td.chart-cell{grid-column:1/-1;display:block}
      table.cards td.chart-cell::before{display:block}
      table.cards td.empty{display:none}
      tr.is-drift td.name{color:var(--drift)}
      .chart{width:100%;height:64px;margin-top:4px}
      }
      """;

  /**
   * Refreshes the page in place every {@link #REFRESH_SECONDS} (keeping the scroll position), and
   * says so in the header when the exporter stops answering.
   */
  static final String SCRIPT =
      """
      (function(){var every=%d000;function tick(){\
      fetch(location.pathname+location.search,{cache:'no-store'})\
      .then(function(r){if(!r.ok)throw new Error('HTTP '+r.status);return r.text();})\
      .then(function(t){var d=new DOMParser().parseFromString(t,'text/html');\
      document.body.replaceWith(d.body);document.title=d.title;\
      document.documentElement.classList.remove('stale');})\
      .catch(function(){document.documentElement.classList.add('stale');})\
      .finally(function(){setTimeout(tick,every);});}setTimeout(tick,every);})();"""
          .formatted(REFRESH_SECONDS);

  private LandingStyle() {}
}
