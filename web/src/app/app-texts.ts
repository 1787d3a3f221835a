/** The coordinator's app in Dutch and English. */
export const APP_TEXTS = {
  nl: {
    title: 'Trefpunt',
    tagline:
      'Groepstrainingen voor vrouwen in de inburgering: rond hun taallessen, met kinderopvang en vervoer.',
    comingTitle: 'Wat hier al werkt',
    phonePages:
      'Deelnemers en rijders openen hun eigen pagina met de persoonlijke link die u ze geeft: ' +
      'een deelnemer ziet haar bijeenkomsten en meldt zich af, een rijder ziet zijn ritten en meldt wie is opgehaald.',
    driverLink:
      'Een rijderslink maakt u met POST /drivers/{id}/link, een deelnemerslink met GET /participants/{id}/links.',
    api: 'Alles wat dit scherm nog niet kan, kan via de API',
    apiLink: 'API-beschrijving openen',
    status: 'Dienst',
    up: 'werkt',
    down: 'niet bereikbaar',
    language: 'Language: English',
  },
  en: {
    title: 'Trefpunt',
    tagline:
      'Group trainings for women in civic integration: around their language lessons, with childcare and rides.',
    comingTitle: 'What works here already',
    phonePages:
      'Participants and drivers open their own page with the personal link you hand them: ' +
      'a participant sees her sessions and reports an absence, a driver sees his rides and marks who was picked up.',
    driverLink:
      'Make a driver link with POST /drivers/{id}/link, a participant link with GET /participants/{id}/links.',
    api: 'Everything this screen cannot do yet, the API does',
    apiLink: 'Open the API description',
    status: 'Service',
    up: 'running',
    down: 'unreachable',
    language: 'Taal: Nederlands',
  },
} as const;

export type AppLanguage = keyof typeof APP_TEXTS;
