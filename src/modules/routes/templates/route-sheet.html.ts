import Handlebars from 'handlebars';
import { RouteSheetDto } from '../dto/route-sheet.dto';

/**
 * The printable route sheet, for a phone screen first: one card per route, stops large enough to tap, the
 * phone number as a call link. Dutch, for the drivers. Handlebars escapes every value.
 */
const TEMPLATE = Handlebars.compile(`<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ritten {{date}} – {{driver.name}}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; padding: 0.75rem; max-width: 40rem; color: #111; }
  h1 { font-size: 1.3rem; margin: 0 0 0.75rem; }
  .route { border: 2px solid #333; border-radius: 0.5rem; padding: 0.75rem; margin-bottom: 1rem; break-inside: avoid; }
  .route h2 { font-size: 1.1rem; margin: 0 0 0.25rem; }
  .meta { margin: 0 0 0.5rem; }
  ol { padding-left: 1.25rem; margin: 0; }
  li { padding: 0.5rem 0; border-bottom: 1px solid #ccc; font-size: 1.05rem; }
  .time { font-weight: bold; font-size: 1.2rem; }
  .omitted { font-style: italic; margin: 0.5rem 0 0; }
  .kids { background: #ffe08a; padding: 0 0.3rem; border-radius: 0.25rem; }
  a.nav { display: inline-block; padding: 0.6rem 1rem; background: #0b5cad; color: #fff; border-radius: 0.4rem; text-decoration: none; }
  @media print { a.nav { display: none; } .route { border-width: 1px; } }
</style>
</head>
<body>
<h1>Ritten van {{driver.name}} op {{date}}</h1>
{{#unless routes.length}}<p>Geen ritten op deze dag.</p>{{/unless}}
{{#each routes}}
<section class="route">
  <h2>{{#if (eq direction "to")}}Ophalen{{else}}Thuisbrengen{{/if}}: {{vehicle.name}}</h2>
  <p class="meta">{{location.name}}, {{location.address}}<br>
  Vertrek {{hhmm depart}} · {{#if (eq direction "to")}}aankomst op de locatie{{else}}laatste adres{{/if}} {{hhmm arrive}} · bijeenkomst {{hhmm session.start}}–{{hhmm session.end}}</p>
  <p><a class="nav" href="{{navigationUrl}}">Navigeer de hele route</a></p>
  <ol>
  {{#each stops}}
    <li><span class="time">{{hhmm time}}</span> {{firstName}} – {{address}}<br>
    <a href="tel:{{phone}}">{{phone}}</a>{{#if children}} · <span class="kids">{{children}} kind(eren), {{childSeats}} kinderzitje(s)</span>{{/if}}{{#if (eq status "no-show")}} · niet aanwezig{{/if}}{{#if (eq status "picked-up")}} · opgehaald{{/if}}</li>
  {{/each}}
  </ol>
  {{#if hiddenStops}}<p class="omitted">{{hiddenStops}} {{#if (eq hiddenStops 1)}}halte{{else}}haltes{{/if}} in andere gemeenten niet getoond.</p>{{/if}}
</section>
{{/each}}
</body>
</html>
`);

Handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
Handlebars.registerHelper('hhmm', (iso: string) => iso.slice(11, 16));

export const routeSheetHtml = (sheet: RouteSheetDto): string => TEMPLATE(sheet);
