import { idea, kpi, pain, type TemplateSpec, tp } from "./spec.ts";

/** A B2B customer buying and adopting a CRM, with the five classic lanes. */
export const crmSoftwareProvider: TemplateSpec = {
  id: "crm-software-provider",
  title: "CRM software provider (B2B)",
  kind: "current_state",
  description:
    "A growing company chooses, buys and rolls out a CRM. Uses the five classic lanes — customer actions, " +
    "emotions, touchpoints, pain points, opportunities — and follows the account up to renewal.",
  tags: ["saas", "b2b", "crm", "onboarding"],
  phases: [
    { name: "Buy", color: "#dbe9ff" },
    { name: "Adopt", color: "#e3f5e1" },
  ],
  goal: {
    statement: "Get new accounts to real adoption in their first 60 days so that they renew.",
    metric: "Gross revenue retention at first renewal",
    target: "from 84 % to 92 %",
  },
  scope: {
    start: "The sales director decides the spreadsheets no longer work",
    end: "The account renews after its first year",
    scenario: "A 40-person sales team moves from spreadsheets to a hosted CRM.",
  },
  stages: [
    { name: "Recognise the need", phase: "Buy", description: "Pipeline chaos triggers the search." },
    { name: "Compare vendors", phase: "Buy", description: "Shortlist, reviews and demos." },
    { name: "Buy", phase: "Buy", description: "Negotiation, security review and contract." },
    { name: "Implement", phase: "Adopt", description: "Data migration, set-up and training.", moment: true },
    { name: "Adopt", phase: "Adopt", description: "Daily use by the sales team." },
    { name: "Renew or expand", phase: "Adopt", description: "Value review and renewal." },
  ],
  personas: [
    {
      name: "Henrik Dahl",
      age: 44,
      role: "Sales director",
      location: "Headquarters of a B2B wholesaler",
      quote: "A CRM nobody updates is just an expensive spreadsheet.",
      background:
        "Leads a 40-person sales team that tracks deals in shared spreadsheets. Forecasts are guesswork and " +
        "handovers lose customer history. He owns the budget but needs IT and the CFO on board.",
      professionalGoals: ["Reliable pipeline forecasts", "Less admin for sales reps"],
      needs: ["Fast migration of existing data", "Training that reps accept", "Reports out of the box"],
      motivations: ["Hitting targets", "Visibility for the board"],
      frustrations: ["Long implementations", "Consultants billing by the hour", "Low adoption by reps"],
      preferredChannels: ["email", "video", "phone"],
      techSavviness: 3,
      purchaseFrequency: "Buys a core system every 5–7 years",
      decisionDrivers: [
        "Ease of use for reps",
        "Implementation time",
        "Price per seat",
        "Integrations with ERP",
      ],
      values: ["Results", "Accountability"],
      currentSolutions: ["Shared spreadsheets", "Email folders"],
      segment: "Mid-market sales organisations",
      curve: [
        [-2, "Lost a big deal because nobody followed up"],
        [1, "Demos look promising"],
        [-1, "Security review and legal redlines drag on"],
        [-2, "Migration errors and a consultant who does not know the industry"],
        [1, "Reps start logging calls; first reliable forecast"],
        [2, "Renews and adds the service team"],
      ],
    },
  ],
  lanes: [
    {
      type: "actions",
      name: "Customer actions",
      cells: [
        ["Reviews lost deals", "Gets budget approval to look for a CRM"],
        ["Reads review sites", "Books three demos", "Asks peers"],
        ["Negotiates seats and terms", "Passes the security questionnaire"],
        ["Exports spreadsheets", "Attends set-up workshops", "Trains reps"],
        ["Uses pipeline reports in the weekly meeting", "Asks support about custom fields"],
        ["Reviews usage with the account manager", "Renews and adds seats"],
      ],
    },
    { type: "emotion", name: "Emotions" },
    {
      type: "touchpoints",
      cells: [
        tp("Peer recommendation", "word_of_mouth", "Marketing"),
        [tp("Review sites", "review_sites", "Marketing"), tp("Live demo", "video", "Sales")],
        [
          tp("Proposal and contract", "email", "Sales"),
          tp("Security questionnaire portal", "web", "Security"),
        ],
        [
          tp("Migration tool", "web", "Professional services"),
          tp("Onboarding workshops", "video", "Professional services"),
        ],
        [
          tp("CRM web and mobile app", "web", "Product", { frequency: "daily" }),
          tp("Support chat", "chat", "Customer support"),
        ],
        tp("Quarterly business review", "video", "Customer success"),
      ],
    },
    {
      type: "pain_points",
      cells: {
        Buy: pain(
          "security",
          "Security review takes six weeks of back-and-forth",
          "workaround",
          0.4,
          "Security",
          60,
        ),
        Implement: [
          pain(
            "migration",
            "Spreadsheet import fails on duplicates and custom columns",
            "abandon",
            0.35,
            "Professional services",
            30,
          ),
          pain(
            "training",
            "Generic training that does not match the team's sales process",
            "workaround",
            0.5,
            "Professional services",
            45,
          ),
        ],
        Adopt: pain("admin", "Reps find logging calls slow on mobile", "workaround", 0.55, "Product", 90),
      },
    },
    {
      type: "ideas",
      name: "Opportunities",
      cells: {
        Buy: idea(
          "Publish a trust centre with pre-filled standard questionnaires",
          ["security"],
          "medium",
          true,
        ),
        Implement: [
          idea("Import assistant that merges duplicates and maps custom columns", ["migration"], "high"),
          idea(
            "Industry playbooks for training built on the customer's own pipeline",
            ["training"],
            "medium",
          ),
        ],
        Adopt: idea("One-tap call logging from the phone's call history", ["admin"], "medium"),
      },
    },
    {
      type: "kpis",
      cells: {
        "Compare vendors": kpi("Demo-to-proposal rate", 35, 45, "%", "CRM"),
        Implement: kpi("Days to go-live", 75, 40, "days", "Professional services tracker"),
        Adopt: kpi("Weekly active reps", 52, 80, "%", "Product analytics"),
        "Renew or expand": kpi("Gross revenue retention", 84, 92, "%", "Billing"),
      },
    },
  ],
};
