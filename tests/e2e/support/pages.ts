/** Paragraphs long enough that any article extractor sees a story. */
export const STORY = [
  'Kyiv — Trains to the capital ran on time on Tuesday for the first time in a week, the national railway said, after engineers restored power lines cut by overnight strikes on the eastern network.',
  'Passengers on the overnight service from Lviv described a quiet journey. "We left in the dark and arrived in the dark, but we arrived," said one commuter, who asked not to be named.',
  'The railway has become a lifeline for the country since the invasion, carrying civilians, aid and officials, and its managers say keeping it running is a matter of national pride.',
  'Repair crews worked through the night in freezing temperatures, replacing damaged transformers and re-routing freight trains around two stations that remain closed to traffic.',
  'Officials said they expected full service on the eastern lines to resume by the weekend, provided there were no further attacks on the power grid supplying the network.',
]

export function articleWithTwoImages(origin: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Night trains keep Kyiv moving | Fixture Times</title>
<meta property="og:site_name" content="Fixture Times">
<meta name="author" content="Olena Petrenko">
<meta property="article:published_time" content="2026-11-20T07:30:00Z">
<link rel="canonical" href="${origin}/world/night-trains">
</head><body>
<header><nav><a href="/">Home</a> · <a href="/world">World</a></nav></header>
<main><article>
<h1>Night trains keep Kyiv moving</h1>
<p class="byline">By Olena Petrenko</p>
<p>${STORY[0]}</p>
<figure><img alt="A night train at Kyiv station" srcset="${origin}/img/train-400.png 400w, ${origin}/img/train-800.png 800w" sizes="100vw"><figcaption>A night train at Kyiv station.</figcaption></figure>
<p>${STORY[1]}</p>
<p>${STORY[2]}</p>
<figure><img alt="Repair crews at work" class="lazy" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" data-src="${origin}/img/crews.png"><figcaption>Repair crews at work overnight.</figcaption></figure>
<p>${STORY[3]}</p>
<p>${STORY[4]}</p>
</article></main>
<footer>© Fixture Times</footer>
</body></html>`
}

/** Every trick a hostile page might try; none of it may survive into the library or run when read. */
export function hostileArticle(origin: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>A perfectly normal article</title>
<meta http-equiv="refresh" content="0; url=${origin}/beacon/refresh">
<script>fetch('${origin}/beacon/head-script')</script>
<style>body { background: url(javascript:alert(1)) }</style>
</head><body><article><h1>A perfectly normal article</h1>
<p>${STORY[0]}</p>
<p>${STORY[1]}<script>fetch('${origin}/beacon/inline-script'); window.top.document.title = 'pwned'</script></p>
<p><img src="${origin}/img/missing.png" onerror="fetch('${origin}/beacon/onerror')" alt="broken"> ${STORY[2]}</p>
<p><a href="javascript:fetch('${origin}/beacon/js-link')">Click for more</a> and <a href="${origin}/world/other" onclick="fetch('${origin}/beacon/onclick')">a real link</a>.</p>
<iframe src="${origin}/beacon/iframe"></iframe>
<form action="${origin}/beacon/form"><input name="q" value="x"><button>Send</button></form>
<p style="background-image: url(javascript:fetch('${origin}/beacon/css'))">${STORY[3]}</p>
<object data="${origin}/beacon/object"></object><embed src="${origin}/beacon/embed">
<svg><script>fetch('${origin}/beacon/svg')</script></svg>
<p>${STORY[4]}</p>
</article></body></html>`
}
