import { runExtractionJob } from './extraction-job'
import { prepareCountryTagging } from './tag-extracted'

/*
 * A fresh extraction worker's first page used to pay for what only the first page needs: V8
 * compiles a regular expression when it first runs it (the byline words, the boilerplate tables
 * are alternations of hundreds of phrases) and the reader's own code when it first calls it. The
 * worker reads this made-up page before it reports ready, so those costs fall in its start-up
 * allowance and the first real page costs what every later one does.
 *
 * The page holds what real pages make the pipeline look at: a byline element, a printed byline
 * with a date, the JSON-LD author, a wire dateline, captions with picture credits, labelled
 * credits, share and comment furniture, a related-links list, an author box and a footer.
 */
const WARM_UP_URL = 'https://nachrichten.example/politik/2026/02/03/stadtrat-beschliesst-neue-buslinie'

const WARM_UP_PAGE = `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>Stadtrat beschließt neue Buslinie | Nachrichten Nord</title>
<meta property="og:title" content="Stadtrat beschließt neue Buslinie">
<meta property="og:site_name" content="Nachrichten Nord">
<meta name="author" content="Anna Schmidt">
<meta property="article:published_time" content="2026-02-03T17:20:00Z">
<link rel="canonical" href="${WARM_UP_URL}">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Stadtrat beschließt neue Buslinie","datePublished":"2026-02-03T17:20:00Z","author":[{"@type":"Person","name":"Anna Schmidt","url":"https://nachrichten.example/autoren/anna-schmidt"},{"@type":"Person","name":"John Smith"}],"publisher":{"@type":"Organization","name":"Nachrichten Nord"}}</script>
</head>
<body>
<header class="site-header"><a href="/">Nachrichten Nord</a>
<nav class="main-menu"><ul><li><a href="/politik">Politik</a></li><li><a href="/sport">Sport</a></li><li><a href="/kultur">Kultur</a></li><li><a href="/wirtschaft">Wirtschaft</a></li></ul></nav></header>
<main><article class="story">
<h1>Stadtrat beschließt neue Buslinie</h1>
<div class="byline">By <a rel="author" href="/autoren/anna-schmidt">ANNA SCHMIDT</a> and John Smith in Berlin | Updated 3 March 2026, 12:04 | 14 comments</div>
<time datetime="2026-02-03T17:20:00Z">03.02.2026 – 18:20 Uhr</time>
<div class="share"><a href="#">Teilen</a> <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">E-Mail</a></div>
<p class="teaser"><strong>Ab Juni fährt die Linie 14 alle zwanzig Minuten vom Bahnhof bis zum Gewerbegebiet Ost.</strong></p>
<p>Von Daniela Obers</p>
<p>BERLIN (dpa) - Der Stadtrat hat am Dienstagabend mit großer Mehrheit beschlossen, dass die neue Buslinie ab Juni fährt. Die Stadt zahlt den Betrieb in den ersten drei Jahren allein, danach soll der Kreis einsteigen, wie die Verwaltung mitteilte.</p>
<figure><img src="/bilder/bus.jpg" alt="Ein Bus am Bahnhof"><figcaption>Ein Bus der Linie 14 am Bahnhof. Foto: Hans Meier/dpa</figcaption></figure>
<p>The harbour authority in Valletta said on Tuesday that the new ferry terminal would open in the spring, two years later than first promised, after a dispute over the sea wall was settled in court.</p>
<h2>Kritik aus der Opposition</h2>
<p>Die Opposition kritisierte, dass die Fahrzeiten am Wochenende zu kurz seien. „Wer samstags arbeitet, hat nichts davon“, sagte die Fraktionsvorsitzende am Rande der Sitzung. Die Verwaltung will die Zahlen nach einem Jahr prüfen.</p>
<blockquote><p>Residents of the old town have long complained about the lorries that queue along the waterfront.</p></blockquote>
<ul><li>Linie 14: alle 20 Minuten</li><li>Erste Fahrt: 5.10 Uhr</li><li>Letzte Fahrt: 23.40 Uhr</li></ul>
<p>Mitarbeit: Peter Müller. Text und Fotos: Klaus Berger. Übersetzt von: Maria Rossi</p>
<p>Lesen Sie auch: <a href="/politik/haushalt">Haushalt 2026: Stadt muss sparen</a></p>
<p>(dpa)</p>
<div class="author-box"><h3>Über Anna Schmidt</h3><p>Anna Schmidt ist Redakteurin im Ressort Politik und schreibt über Verkehr und Stadtentwicklung.</p><a href="/autoren/anna-schmidt">Alle Artikel</a></div>
</article>
<aside class="related"><h2>Mehr zum Thema</h2><ul><li><a href="/a">Neue Radwege geplant</a></li><li><a href="/b">Bahnhof wird umgebaut</a></li><li><a href="/c">Parkgebühren steigen</a></li></ul></aside>
<section class="comments"><h2>Kommentare (14)</h2><p>Jetzt anmelden und kommentieren</p></section>
</main>
<footer class="site-footer"><p>© 2026 Nachrichten Nord. Alle Rechte vorbehalten.</p><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a> <a href="/kontakt">Kontakt</a></footer>
</body>
</html>`

/**
 * Readies a fresh worker for its first page: the country data, and one made-up page read through
 * the whole job. Nothing of it is kept; a failure only means the first real page pays the costs.
 */
export function warmUpExtraction(): void {
  prepareCountryTagging()
  try {
    runExtractionJob({ kind: 'html', html: WARM_UP_PAGE, url: WARM_UP_URL })
  } catch {
    // The real page will meet the same failure and report it.
  }
}
