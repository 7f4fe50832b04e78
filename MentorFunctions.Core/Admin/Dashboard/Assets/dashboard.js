// MentorFunctions dashboard: plain JavaScript and SVG, no build step. Reads the JSON endpoints beside this page.
'use strict';
(() => {
  const base = location.pathname.replace(/[^/]*$/, '');
  const SVG = 'http://www.w3.org/2000/svg';
  const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  // Every outcome the audit trail records, so none is drawn without a colour or left out of the legend.
  const OUTCOME_COLOURS = {
    posted: '#1a6b32', drafted: '#0b5cad', 'stood-down': '#6e7781', limited: '#8a3b00', refused: '#8250df', failed: '#a40e26',
    paused: '#4a5561', escalated: '#b3006b', withheld: '#6f4e00', unknown: '#1b1f24',
  };
  const state = { me: null, bot: null, mentorId: null, detail: null };
  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'text') node.textContent = v; else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) node.append(c);
    return node;
  }
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === 'text') node.textContent = v; else node.setAttribute(k, String(v));
    }
    for (const c of children) node.append(c);
    return node;
  }
  const titled = (node, text) => { node.append(svg('title', { text })); return node; };
  const pct = (x) => `${(100 * x).toFixed(x < 0.1 ? 1 : 0)}%`;
  function duration(seconds) {
    if (seconds === null || seconds === undefined || !isFinite(seconds)) return '—';
    if (seconds < 90) return `${Math.round(seconds)} s`;
    if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
    if (seconds < 172800) return `${(seconds / 3600).toFixed(1)} h`;
    return `${(seconds / 86400).toFixed(1)} d`;
  }
  const stamp = (iso) => iso ? iso.replace('T', ' ').replace(/:\d\d(\.\d+)?(Z|[+-]00:00)$/, '') : '—';

  function say(text, isError) {
    const s = $('status');
    s.textContent = text;
    s.classList.toggle('error', !!isError);
  }

  async function api(method, path, body) {
    const init = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
    if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    const response = await fetch(base + 'api/' + path, init);
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (response.status === 401) {
      // Signed out (the session ended): App Service Authentication signs in again and comes back here.
      location.assign('/.auth/login/aad?post_login_redirect_uri=' + encodeURIComponent(location.pathname + location.hash));
      throw new Error('signing in again');
    }
    if (!response.ok) {
      const message = json && json.errors ? json.errors.map((e) => `${e.field} ${e.message}`).join('; ') : `HTTP ${response.status}`;
      throw new Error(message);
    }
    return json;
  }
  const botPath = () => `bots/${encodeURIComponent(state.bot)}`;

  // ---- mentors table ----
  function pauseText(m) {
    if (!m.paused) return 'not paused';
    return m.pausedUntilResumed ? 'paused until resumed' : `paused until ${stamp(m.pausedUntil)} UTC`;
  }
  async function loadMentors() {
    const rows = await api('GET', `${botPath()}/mentors`);
    const body = $('mentors').tBodies[0];
    body.replaceChildren();
    for (const m of rows.mentors) {
      const link = el('a', { href: `#/bots/${encodeURIComponent(state.bot)}/mentors/${m.userId}`, text: m.fullName });
      const q = m.quietHours ? `${String(m.quietHours.startHour).padStart(2, '0')}–${String(m.quietHours.endHour).padStart(2, '0')} ${m.quietHours.timeZone}` : '—';
      const tr = el('tr', { 'data-mentor': m.userId, class: m.userId === state.mentorId ? 'selected' : null },
        el('td', {}, link), el('td', { text: m.mode.toLowerCase() }), el('td', { text: pauseText(m), 'data-field': 'pause' }),
        el('td', { text: q, 'data-field': 'quiet' }), el('td', { text: m.students, 'data-field': 'students' }),
        el('td', { text: m.awaitingConsent, 'data-field': 'awaiting-consent' }), el('td', { text: m.messagesSeen, 'data-field': 'messages' }),
        el('td', { text: pct(m.confidence) }),
        el('td', { text: `${m.limits.repliesToday} of ${m.limits.repliesPerDay}`, 'data-field': 'replies-today' }),
        el('td', { text: m.limits.tokensPerDay > 0 ? pct(m.limits.tokensToday / m.limits.tokensPerDay) : '—' }));
      body.append(tr);
    }
    if (rows.mentors.length === 0) body.append(el('tr', {}, el('td', { colspan: 10, text: 'No mentors are registered for this bot yet.' })));
    return rows;
  }

  // ---- charts ----
  function heatmap(h) {
    const cell = 22, left = 40, top = 22;
    const max = Math.max(1, ...h.counts.flat());
    const root = svg('svg', { viewBox: `0 0 ${left + 24 * cell + 4} ${top + 7 * cell + 4}`, role: 'img', 'aria-labelledby': 'heatmap-title heatmap-desc', id: 'heatmap-svg', 'data-total': h.total });
    root.append(svg('desc', { id: 'heatmap-desc', text: `${h.total} messages in ${h.timeZone}; darker is more.` }));
    for (let hour = 0; hour < 24; hour += 3) root.append(svg('text', { x: left + hour * cell + 2, y: 14, text: String(hour).padStart(2, '0') }));
    h.counts.forEach((row, day) => {
      root.append(svg('text', { x: 4, y: top + day * cell + 15, text: DAYS[day] }));
      row.forEach((count, hour) => {
        const shade = count === 0 ? '#f0f3f6' : `rgba(11, 92, 173, ${0.15 + 0.85 * count / max})`;
        root.append(titled(svg('rect', { class: 'cell', x: left + hour * cell, y: top + day * cell, width: cell - 2, height: cell - 2, rx: 3, fill: shade, 'data-day': day, 'data-hour': hour, 'data-count': count }),
          `${DAYS[day]} ${String(hour).padStart(2, '0')}:00: ${count} message${count === 1 ? '' : 's'}`));
      });
    });
    const box = $('heatmap');
    box.replaceChildren(root, el('p', { class: 'legend', text: `Times in ${h.timeZone}${h.timeZone === 'UTC' ? '' : ` (UTC${h.utcOffsetHours >= 0 ? '+' : ''}${h.utcOffsetHours})`}; ${h.total} messages in all.` }));
  }

  function latency(l) {
    const box = $('latency');
    if (l.bins.length === 0) { box.replaceChildren(el('p', { text: 'No reply latencies measured yet.' })); return; }
    const w = 760, h = 220, left = 44, bottom = 40, top = 10;
    const total = Math.max(1, l.samples);
    const shares = l.bins.map((b) => b.count / total);
    const max = Math.max(0.01, ...shares, ...l.bins.map((b) => b.plannerShare));
    const bw = (w - left - 10) / l.bins.length;
    const y = (share) => top + (h - top - bottom) * (1 - share / max);
    const root = svg('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-labelledby': 'latency-title latency-desc', id: 'latency-svg', 'data-samples': l.samples });
    root.append(svg('desc', { id: 'latency-desc', text: `Bars: ${l.samples} measured reply latencies, median ${duration(l.medianSeconds)}. Line: ${l.plannerDraws} delays drawn by the stand-in's planner, median ${duration(l.plannerMedianSeconds)}.` }));
    root.append(svg('line', { x1: left, y1: h - bottom, x2: w - 8, y2: h - bottom, stroke: '#6e7781' }));
    root.append(svg('text', { x: 2, y: top + 8, text: pct(max) }));
    const points = [];
    l.bins.forEach((b, i) => {
      const x = left + i * bw;
      const share = shares[i];
      root.append(titled(svg('rect', { class: 'bar', x: x + 1, y: y(share), width: Math.max(1, bw - 2), height: h - bottom - y(share), fill: '#0b5cad', 'data-bin': b.index, 'data-from': b.fromSeconds, 'data-to': b.toSeconds, 'data-count': b.count }),
        `${duration(b.fromSeconds)}–${duration(b.toSeconds)}: ${b.count} replies (${pct(share)}); stand-in ${pct(b.plannerShare)}`));
      points.push([x + bw / 2, y(b.plannerShare), b.plannerShare, i]);
      if (i % Math.ceil(l.bins.length / 8) === 0) root.append(svg('text', { x: x, y: h - bottom + 14, text: duration(b.fromSeconds) }));
    });
    root.append(svg('polyline', { class: 'planner-line', points: points.map((p) => `${p[0].toFixed(1)},${p[1].toFixed(1)}`).join(' '), fill: 'none', stroke: '#d4700b', 'stroke-width': 2.5 }));
    for (const [cx, cy, share, i] of points) root.append(svg('circle', { class: 'planner', cx: cx.toFixed(1), cy: cy.toFixed(1), r: 2.5, fill: '#d4700b', 'data-bin': i, 'data-share': share }));
    root.append(svg('text', { x: left, y: h - 6, text: 'reply latency (log scale)' }));
    box.replaceChildren(root, el('p', { class: 'legend' },
      el('span', { class: 'swatch', style: null, 'data-colour': 'bars' }), `measured: ${l.samples} replies, median ${duration(l.medianSeconds)}`,
      el('span', { class: 'swatch swatch-line' }), `stand-in: ${l.plannerDraws} delays drawn by the planner from this profile, median ${duration(l.plannerMedianSeconds)}`));
    box.querySelectorAll('.swatch')[0].classList.add('swatch-bars');
  }

  // A length histogram (bins of words): the mentor's share of messages (or sentences) per bin as bars, the programme's
  // average share as an orange line, so a mentor who writes longer than most shows at a glance.
  function lengthHistogram(id, bins, total, noun) {
    const w = 400, h = 190, left = 40, bottom = 44, top = 10;
    const shares = bins.map((b) => total > 0 ? b.count / total : 0);
    const max = Math.max(0.01, ...shares, ...bins.map((b) => b.programmeShare));
    const bw = (w - left - 6) / bins.length;
    const y = (share) => top + (h - top - bottom) * (1 - share / max);
    const range = (b) => b.toWords === null ? `${b.fromWords}+` : b.toWords === b.fromWords ? `${b.fromWords}` : `${b.fromWords}–${b.toWords}`;
    const root = svg('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, id: `${id}-svg`, 'data-total': total });
    const mode = bins.reduce((best, b) => (b.count > best.count ? b : best), bins[0]);
    root.append(svg('desc', { id: `${id}-desc`, text: `Bars: this mentor's ${total} ${noun}s by length in words, most often ${range(mode)} words. Line: the programme's average share.` }));
    root.append(svg('line', { x1: left, y1: h - bottom, x2: w - 4, y2: h - bottom, stroke: '#6e7781' }));
    root.append(svg('text', { x: 2, y: top + 8, text: pct(max) }));
    const points = [];
    bins.forEach((b, i) => {
      const x = left + i * bw;
      root.append(titled(svg('rect', { class: `${id}-bar`, x: x + 1, y: y(shares[i]), width: Math.max(1, bw - 2), height: h - bottom - y(shares[i]), fill: '#0b5cad', 'data-bin': b.index, 'data-from': b.fromWords, 'data-to': b.toWords, 'data-count': b.count, 'data-programme-share': b.programmeShare }),
        `${range(b)} words: ${b.count} ${noun}${b.count === 1 ? '' : 's'} (${pct(shares[i])}); programme average ${pct(b.programmeShare)}`));
      points.push(`${(x + bw / 2).toFixed(1)},${y(b.programmeShare).toFixed(1)}`);
      root.append(svg('text', { x: x + bw / 2, y: h - bottom + 12 + (i % 2) * 11, 'text-anchor': 'middle', text: range(b) }));
    });
    root.append(svg('polyline', { class: 'programme-line', points: points.join(' '), fill: 'none', stroke: '#d4700b', 'stroke-width': 2 }));
    root.append(svg('text', { x: left, y: h - 4, text: `words per ${noun} (bins grow by about half)` }));
    return root;
  }

  function length(s) {
    const box = $('length');
    box.replaceChildren();
    if (s.messages > 0) box.append(lengthHistogram('length', s.bins, s.messages, 'message'));
    else box.append(el('p', { text: 'No message lengths learned yet.' }));
    box.append(el('p', { id: 'length-stats', class: 'legend', 'data-mean': s.meanChars, text: `On average ${Math.round(s.meanChars)} characters (spread ±${Math.round(s.stdDevChars)}), ${s.meanWords.toFixed(1)} words per message. Line: the programme's average share.` }));
    const sbox = $('sentences');
    if (s.sentences > 0) sbox.replaceChildren(lengthHistogram('sentences', s.sentenceBins, s.sentences, 'sentence'));
    else sbox.replaceChildren(el('p', { text: 'No sentence lengths learned yet.' }));
  }

  // Mentor against programme average, as a bar left (less often) or right (more often) of the average, by the ratio on a
  // log scale (2× and ½ are the same length), with the two rates written out. `smooth` keeps a 0 from being infinitely far.
  function comparison(id, rows, unit, smooth, mentors) {
    const w = 460, row = 24, labelW = 130, numbersW = 120, top = 26;
    const half = (w - labelW - numbersW) / 2, centre = labelW + half, cap = 3; // ±3 = 8 times more or less
    const h = top + rows.length * row + 6;
    const root = svg('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, id: `${id}-svg` });
    root.append(svg('desc', { id: `${id}-desc`, text: `${unit}: this mentor against the average of ${mentors} mentors. Bars right of the middle: more often than the average; left: less often; each step of the scale is twice as much.` }));
    root.append(svg('text', { x: centre - half, y: 12, text: '8× less' }));
    root.append(svg('text', { x: centre, y: 12, 'text-anchor': 'middle', text: 'average' }));
    root.append(svg('text', { x: centre + half, y: 12, 'text-anchor': 'end', text: '8× more' }));
    root.append(svg('text', { x: w - numbersW + 6, y: 12, text: 'mentor / average' }));
    rows.forEach((r, i) => {
      const y = top + i * row;
      const ratio = Math.log2((r.mentor + smooth) / (r.programme + smooth));
      const len = half * Math.max(-cap, Math.min(cap, ratio)) / cap;
      root.append(svg('text', { x: 0, y: y + 13, text: r.label }));
      root.append(titled(svg('rect', { class: `${id}-bar`, x: len >= 0 ? centre : centre + len, y: y + 3, width: Math.max(1, Math.abs(len)), height: 13, fill: len >= 0 ? '#0b5cad' : '#8a3b00', ...r.data, 'data-mentor': r.mentor, 'data-programme': r.programme }),
        `${r.label}: ${r.mentor.toFixed(1)} per 1,000 ${unit.split(' ').pop()} against the programme's ${r.programme.toFixed(1)}`));
      root.append(svg('text', { x: w - numbersW + 6, y: y + 13, text: `${r.mentor.toFixed(1)} / ${r.programme.toFixed(1)}` }));
    });
    root.append(svg('line', { x1: centre, y1: top - 4, x2: centre, y2: h - 2, stroke: '#4a5561' }));
    return root;
  }

  function marks(style) {
    const box = $('marks');
    if (style.textChars === 0) { box.replaceChildren(el('p', { text: 'No punctuation learned yet.' })); return; }
    const rows = style.marks.map((m) => ({ label: m.label, mentor: m.mentorPerThousand, programme: m.programmePerThousand, data: { 'data-key': m.key, 'data-count': m.count } }));
    box.replaceChildren(comparison('marks', rows, 'Marks per 1,000 characters', 0.1, style.programmeMentors),
      el('p', { class: 'legend', text: `Per 1,000 characters of the mentor's own text (${style.textChars} characters; quotes, code and links left out). Blue: more often than the programme's average; brown: less often.` }));
  }

  function functionWords(style) {
    const box = $('function-words');
    if (style.functionWords.length === 0) {
      box.replaceChildren(el('p', { text: style.programmeMentors < 2 ? 'Needs at least two mentors with data to compare against.' : 'No function words learned yet.' }));
      return;
    }
    const rows = style.functionWords.map((f) => ({ label: `“${f.word}”`, mentor: f.mentorPerThousand, programme: f.programmePerThousand, data: { 'data-word': f.word, 'data-count': f.count, 'data-z': f.zScore } }));
    box.replaceChildren(comparison('function-words', rows, 'Uses per 1,000 words', 0.5, style.programmeMentors),
      el('p', { class: 'legend', text: `The ${rows.length} small words (of ${style.totalWords} words written) whose use differs most from the programme's average, by how surprising the difference is (z-score).` }));
  }

  function habits(list, mentors) {
    const w = 420, row = 26, left = 200, h = list.length * row + 24;
    const scale = (w - left - 40);
    const root = svg('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-labelledby': 'habits-title habits-desc', id: 'habits-svg' });
    root.append(svg('desc', { id: 'habits-desc', text: `Share of messages, this mentor (dark) against the average of ${mentors} mentors (light).` }));
    list.forEach((x, i) => {
      const y = 8 + i * row;
      root.append(svg('text', { x: 0, y: y + 12, text: x.label.length > 32 ? x.label.slice(0, 31) + '…' : x.label }));
      root.append(titled(svg('rect', { class: 'habit', x: left, y, width: Math.max(1, scale * x.mentor), height: 9, fill: '#0b5cad', 'data-key': x.key, 'data-value': x.mentor }), `${x.label}: ${pct(x.mentor)}`));
      root.append(titled(svg('rect', { class: 'habit-programme', x: left, y: y + 10, width: Math.max(1, scale * x.programme), height: 7, fill: '#9cc3e8', 'data-key': x.key, 'data-value': x.programme }), `programme average: ${pct(x.programme)}`));
      root.append(svg('text', { x: left + scale * Math.max(x.mentor, x.programme) + 4, y: y + 12, text: pct(x.mentor) }));
    });
    $('habits').replaceChildren(root, el('p', { class: 'legend', text: `Dark: this mentor. Light: the average of the programme's ${mentors} mentor${mentors === 1 ? '' : 's'} with data.` }));
  }

  function phraseList(id, list) {
    const ol = $(id);
    ol.replaceChildren();
    if (list.length === 0) ol.append(el('li', { text: 'none yet' }));
    for (const p of list) ol.append(el('li', {}, `“${p.text}” `, el('span', { class: 'rate', text: `${pct(p.ratePerMessage)} of messages` })));
  }

  function timeline(t) {
    const box = $('timeline');
    const events = t.events;
    if (events.length === 0) { box.replaceChildren(el('p', { text: 'No AI replies in this period.' })); return; }
    const w = 760, h = 200, left = 50, bottom = 30, top = 10;
    const times = events.map((e) => Date.parse(e.at));
    const t0 = Math.min(...times, Date.parse(t.since)), t1 = Math.max(...times) + 1;
    const delays = events.map((e) => Math.max(1, e.delaySeconds));
    const maxLog = Math.log10(Math.max(60, ...delays, t.mentorMedianLatencySeconds || 1) * 1.5);
    const x = (ms) => left + (w - left - 10) * (ms - t0) / (t1 - t0);
    const y = (s) => top + (h - top - bottom) * (1 - Math.log10(Math.max(1, s)) / maxLog);
    const root = svg('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-labelledby': 'timeline-title', id: 'timeline-svg' });
    root.append(svg('line', { x1: left, y1: h - bottom, x2: w - 8, y2: h - bottom, stroke: '#6e7781' }));
    for (const s of [60, 600, 3600, 36000]) if (Math.log10(s) < maxLog) {
      root.append(svg('line', { x1: left, x2: w - 8, y1: y(s), y2: y(s), stroke: '#eaeef2' }));
      root.append(svg('text', { x: 2, y: y(s) + 4, text: duration(s) }));
    }
    if (t.mentorMedianLatencySeconds) {
      root.append(titled(svg('line', { class: 'mentor-median', x1: left, x2: w - 8, y1: y(t.mentorMedianLatencySeconds), y2: y(t.mentorMedianLatencySeconds), stroke: '#d4700b', 'stroke-dasharray': '6 4', 'stroke-width': 2 }),
        `the mentor's median reply time: ${duration(t.mentorMedianLatencySeconds)}`));
    }
    events.forEach((e, i) => {
      root.append(titled(svg('circle', { class: 'event', cx: x(times[i]).toFixed(1), cy: y(delays[i]).toFixed(1), r: 4.5, fill: OUTCOME_COLOURS[e.outcome] || '#1b1f24', 'data-outcome': e.outcome }),
        `${stamp(e.at)} UTC: ${e.outcome}${e.reason ? ' (' + e.reason + ')' : ''}, waited ${duration(e.delaySeconds)}`));
    });
    root.append(svg('text', { x: left, y: h - 8, text: stamp(new Date(t0).toISOString()).slice(0, 10) }));
    root.append(svg('text', { x: w - 80, y: h - 8, text: stamp(new Date(t1).toISOString()).slice(0, 10) }));
    const legend = el('p', { class: 'legend' });
    for (const [k, c] of Object.entries(OUTCOME_COLOURS)) if (t.outcomes[k]) legend.append(el('span', { class: 'swatch', 'data-outcome': k }), `${k}: ${t.outcomes[k]}`);
    legend.querySelectorAll('.swatch').forEach((s) => s.classList.add('outcome-' + s.getAttribute('data-outcome')));
    box.replaceChildren(root, legend, el('p', { class: 'legend', text: `Dashed: the mentor's own median reply time (${duration(t.mentorMedianLatencySeconds)}).` }));
  }

  function replies(t) {
    const counts = Object.entries(t.outcomes).map(([k, v]) => `${v} ${k}`).join(', ');
    $('replies-summary').textContent = t.events.length === 0 ? 'No AI replies in the last 14 days.' : `${t.events.length} AI reply outcomes: ${counts}.` + (t.keepsContent ? '' : ' This deployment keeps no reply text.');
    const body = $('replies').tBodies[0];
    body.replaceChildren();
    for (const e of t.events.slice(0, 200)) {
      body.append(el('tr', { 'data-outcome': e.outcome },
        el('td', { text: stamp(e.at) }), el('td', { text: e.studentName || `user ${e.studentId}` }), el('td', { text: e.outcome }),
        el('td', { text: e.reason || '' }), el('td', { text: duration(e.delaySeconds) }),
        el('td', { text: e.promptTokens + e.completionTokens > 0 ? `${e.promptTokens} + ${e.completionTokens}` : '' }),
        el('td', {}, e.content ? el('details', {}, el('summary', { text: 'show' }), el('span', { text: e.content })) : '')));
    }
  }

  // ---- the mentor page ----
  async function loadMentor() {
    if (!state.mentorId) { $('mentor').hidden = true; return; }
    const [d, t] = await Promise.all([
      api('GET', `${botPath()}/mentors/${state.mentorId}`),
      api('GET', `${botPath()}/mentors/${state.mentorId}/replies?days=14`),
    ]);
    state.detail = d;
    const m = d.mentor;
    $('mentor').hidden = false;
    $('mentor-name').textContent = m.fullName;
    const st = $('mentor-state');
    st.replaceChildren(`Mode ${m.mode.toLowerCase()} · `, el('span', { id: 'pause-state', class: m.paused ? 'paused' : null, text: pauseText(m) }),
      ` · ${m.limits.repliesToday} of ${m.limits.repliesPerDay} AI replies today`);
    $('mode').value = m.mode.toLowerCase();
    $('add-pair').hidden = !d.canManagePairs;

    const body = $('students').tBodies[0];
    body.replaceChildren();
    for (const s of d.students) {
      const actions = el('td');
      if (d.canManagePairs) {
        const b = el('button', { type: 'button', class: 'secondary', text: 'Remove', 'aria-label': `Remove ${s.fullName} from ${m.fullName}'s students` });
        b.addEventListener('click', () => act(() => api('DELETE', `${botPath()}/mentors/${m.userId}/students/${s.studentId}`, {}), `${s.fullName} removed.`));
        actions.append(b);
      }
      body.append(el('tr', { 'data-student': s.studentId }, el('td', { text: s.fullName }), el('td', { text: s.email }),
        el('td', { text: stamp(s.enrolledAt).slice(0, 10) }), el('td', { text: s.consent }), actions));
    }
    if (d.students.length === 0) body.append(el('tr', {}, el('td', { colspan: 5, text: 'No students yet.' })));

    const consent = $('consent').tBodies[0];
    consent.replaceChildren();
    for (const c of d.consentRequests) {
      consent.append(el('tr', { 'data-consent': c.studentId, 'data-state': c.state }, el('td', { text: c.studentId }),
        el('td', { text: c.state === 'declined' ? 'declined' : 'awaiting the mentor' }), el('td', { text: stamp(c.at) }), el('td', { text: c.consent })));
    }
    if (d.consentRequests.length === 0) consent.append(el('tr', {}, el('td', { colspan: 4, text: 'Nobody is waiting, and nobody was declined.' })));

    const style = d.style;
    $('confidence').replaceChildren(`Confidence: ${style.confidenceWords} `,
      el('meter', { min: 0, max: 1, value: style.confidence, 'aria-label': 'profile confidence', text: pct(style.confidence) }),
      ` ${pct(style.confidence)}, from ${style.messagesSeen} messages seen (profile format v${style.profileVersion}).`);
    $('summary').textContent = style.summary;
    heatmap(style.heatmap);
    latency(style.latency);
    length(style.length);
    habits(style.habits, style.programmeMentors);
    marks(style);
    functionWords(style);
    phraseList('phrases', style.phrases);
    phraseList('openers', style.openers);
    phraseList('signoffs', style.signOffs);
    timeline(t);
    replies(t);
  }

  async function act(action, message) {
    try {
      await action();
      await Promise.all([loadMentors(), loadMentor()]);
      say(message);
    } catch (e) {
      say(`That did not work: ${e.message}`, true);
    }
  }

  function route() {
    const m = location.hash.match(/^#\/bots\/([^/]+)\/mentors\/(\d+)$/);
    if (m) {
      state.bot = decodeURIComponent(m[1]);
      state.mentorId = Number(m[2]);
    } else {
      state.mentorId = state.me && state.me.bots.find((b) => b.botEmail === state.bot) ? (state.me.bots.find((b) => b.botEmail === state.bot).mentorId || null) : null;
    }
    $('bot').value = state.bot;
    return Promise.all([loadMentors(), loadMentor()]).catch((e) => say(`Could not load: ${e.message}`, true));
  }

  async function start() {
    try {
      state.me = await api('GET', 'me');
    } catch (e) {
      say(`Could not load the dashboard: ${e.message}`, true);
      return;
    }
    $('viewer').textContent = `${state.me.name} · ${state.me.isStaff ? 'programme staff' : 'mentor'}`;
    const select = $('bot');
    for (const b of state.me.bots) select.append(el('option', { value: b.botEmail, text: b.botEmail }));
    state.bot = state.me.bots.length > 0 ? state.me.bots[0].botEmail : null;
    if (!state.bot) { say('There is nothing for you to see here yet: you are not registered as a mentor.', true); return; }
    if (!state.me.isStaff) $('mentors-title').textContent = 'You';
    select.addEventListener('change', () => { location.hash = ''; state.bot = select.value; route(); });
    $('pause').addEventListener('click', () => {
      const minutes = $('pause-length').value;
      act(() => api('POST', `${botPath()}/mentors/${state.mentorId}/pause`, minutes ? { minutes: Number(minutes) } : {}), 'Paused.');
    });
    $('resume').addEventListener('click', () => act(() => api('POST', `${botPath()}/mentors/${state.mentorId}/resume`, {}), 'Resumed.'));
    $('set-mode').addEventListener('click', () => act(() => api('POST', `${botPath()}/mentors/${state.mentorId}/mode`, { mode: $('mode').value }), `Mode set to ${$('mode').value}.`));
    $('add-pair').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const id = Number($('pair-id').value);
      act(() => api('POST', `${botPath()}/pairs`, { mentorId: state.mentorId, studentId: id, studentEmail: $('pair-email').value, studentFullName: $('pair-name').value }), 'Student paired.');
    });
    window.addEventListener('hashchange', route);
    await route();
    document.body.setAttribute('data-ready', 'true');
  }

  document.addEventListener('DOMContentLoaded', start);
})();
