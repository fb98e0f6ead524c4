import type { LaneType } from "../model/lane-types.ts";

/**
 * Words that name a lane type in spreadsheets teams already keep, in English, German, French,
 * Spanish, Italian, Portuguese, Dutch and Russian (lower case, without accents; a lane name
 * containing one of them gets that type). Order matters: "Thoughts & feelings" is a thoughts lane
 * before "feel" could make it an emotion lane, "pain points" wins over "points of contact".
 */
const WORDS: [LaneType, string[]][] = [
  [
    "pain_points",
    [
      "pain",
      "problem",
      "schmerz",
      "frustrat",
      "irritant",
      "douleur",
      "dolor",
      "dor ",
      "pijn",
      "боль",
      "проблем",
      "барьер",
      "barrier",
      "hurdle",
      "hürde",
    ],
  ],
  [
    "touchpoints",
    [
      "touchpoint",
      "touch point",
      "kontaktpunkt",
      "beruhrungspunkt",
      "point de contact",
      "points de contact",
      "punto de contacto",
      "puntos de contacto",
      "punti di contatto",
      "punto di contatto",
      "ponto de contato",
      "pontos de contato",
      "contactpunt",
      "точки контакта",
      "точка контакта",
    ],
  ],
  [
    "thoughts",
    [
      "thought",
      "think",
      "gedanke",
      "pensee",
      "pensamiento",
      "pensier",
      "pensamento",
      "gedachte",
      "мысл",
      "думает",
    ],
  ],
  [
    "emotion",
    [
      "emotion",
      "gefuhl",
      "stimmung",
      "sentiment",
      "emocion",
      "emozion",
      "emocao",
      "emotie",
      "эмоци",
      "чувств",
      "mood",
      "feeling",
      "satisfaction",
      "zufriedenheit",
    ],
  ],
  [
    "ideas",
    [
      "idea",
      "opportunit",
      "idee",
      "chance",
      "moglichkeit",
      "oportunidad",
      "opportunita",
      "oportunidade",
      "kans",
      "иде",
      "возможност",
      "solution",
      "losung",
    ],
  ],
  [
    "kpis",
    ["kpi", "metric", "kennzahl", "indicateur", "metrica", "indicador", "indicator", "метрик", "показател"],
  ],
  ["channels", ["channel", "kanal", "canal", "canale", "kanaal", "канал"]],
  [
    "actions",
    [
      "action",
      "doing",
      "aktion",
      "handlung",
      "tatigkeit",
      "accion",
      "azion",
      "acao",
      "acoes",
      "actie",
      "действи",
      "steps",
      "schritte",
    ],
  ],
  ["questions", ["question", "frage", "pregunta", "domand", "pergunta", "vraag", "вопрос"]],
  ["goals", ["goal", "ziel", "objectif", "objetivo", "obiettiv", "doel", "цел"]],
  [
    "expectations",
    ["expectation", "erwartung", "attente", "expectativ", "aspettativ", "verwachting", "ожидан"],
  ],
  [
    "ownership",
    [
      "owner",
      "verantwort",
      "zustandig",
      "responsab",
      "propietario",
      "eigenaar",
      "ответствен",
      "department",
      "abteilung",
    ],
  ],
  ["frontstage", ["frontstage", "front stage", "front-stage"]],
  ["backstage", ["backstage", "back stage", "back-stage"]],
  ["support", ["support process", "supporting process", "unterstutzungsprozess"]],
  ["handoff", ["hand-off", "handoff", "hand off", "ubergabe", "escalat"]],
  ["triggers", ["trigger", "auslöser", "ausloser", "declencheur", "disparador", "триггер"]],
];

/** Lower case without accents (ü → u, é → e), so "Berührungspunkte" matches "beruhrungspunkt". */
function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** The lane type a spreadsheet row name suggests, or null when no word matches (a text lane). */
export function guessLaneType(name: string): LaneType | null {
  const n = ` ${fold(name)} `;
  for (const [type, words] of WORDS) if (words.some((w) => n.includes(fold(w)))) return type;
  return null;
}
