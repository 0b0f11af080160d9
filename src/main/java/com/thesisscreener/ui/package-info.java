/**
 * The analysts' web workspace: server-rendered Thymeleaf pages (portfolios and upload, ranked results with
 * charts, company drill-down, runs and diffs, rules, administration). Scripts are static files under
 * {@code static/js} (the Content-Security-Policy allows no inline script); charts are SVG drawn on the server.
 */
package com.thesisscreener.ui;
