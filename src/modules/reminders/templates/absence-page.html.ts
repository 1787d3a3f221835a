import Handlebars from 'handlebars';

/** The page behind the link in a message: one question, three big buttons, in her language. */
const PAGE = Handlebars.compile(`<!doctype html>
<html lang="{{lang}}" dir="{{dir}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0 auto; padding: 1rem; max-width: 30rem; font-size: 1.2rem; }
  button { display: block; width: 100%; margin: 0.75rem 0; padding: 1rem; font-size: 1.2rem; border-radius: 0.5rem;
    border: 2px solid #0b5cad; background: #fff; }
  p { line-height: 1.5; }
</style>
</head>
<body>
<h1>{{title}}</h1>
<p>{{message}}</p>
{{#if reasons}}
<form method="post">
{{#each reasons}}<button name="reason" value="{{value}}">{{label}}</button>
{{/each}}
</form>
{{/if}}
</body>
</html>
`);

export interface AbsencePage {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  message: string;
  reasons?: { value: string; label: string }[];
}

export const absencePageHtml = (page: AbsencePage): string => PAGE(page);
