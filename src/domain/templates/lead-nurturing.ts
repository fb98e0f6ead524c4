import { idea, kpi, owner, pain, type TemplateSpec, tp } from "./spec.ts";

/** A B2B lead from stranger to closed deal and hand-off to customer success. */
export const leadNurturing: TemplateSpec = {
  id: "lead-nurturing",
  title: "Lead nurturing funnel",
  kind: "current_state",
  description:
    "How a stranger becomes a subscriber, a marketing-qualified lead, an opportunity and finally a customer. " +
    "Useful for aligning marketing and sales on content, scoring and hand-offs.",
  tags: ["marketing", "b2b", "lead nurturing", "funnel"],
  phases: [
    { name: "Marketing", color: "#e0d4f7" },
    { name: "Sales", color: "#ffd8cc" },
  ],
  goal: {
    statement: "Shorten the time from subscriber to sales opportunity without lowering lead quality.",
    metric: "Median days from subscription to opportunity, and MQL-to-opportunity rate",
    target: "from 74 to 45 days; MQL-to-opportunity from 12 % to 20 %",
  },
  scope: {
    start: "A stranger reads a blog post found through search",
    end: "The signed customer is handed over to customer success",
    scenario: "An operations manager at a logistics company looks for ways to cut planning time.",
  },
  stages: [
    { name: "Stranger", phase: "Marketing", description: "Meets the brand's content for the first time." },
    { name: "Subscriber / lead", phase: "Marketing", description: "Leaves an email address for content." },
    {
      name: "Marketing-qualified lead",
      phase: "Marketing",
      description: "Shows buying signals and fits the profile.",
    },
    {
      name: "Opportunity / demo",
      phase: "Sales",
      description: "Talks to sales and sees a demo.",
      moment: true,
    },
    { name: "Deal closed / hand-off", phase: "Sales", description: "Signs and moves to onboarding." },
  ],
  personas: [
    {
      name: "Marcus Feld",
      age: 45,
      role: "Operations manager, logistics",
      location: "Regional distribution centre",
      quote: "Give me proof it saves my planners time — not another newsletter.",
      background:
        "Manages twenty planners who juggle spreadsheets to schedule trucks. Researches solutions in the evening, " +
        "needs his CFO's approval for anything above a small budget and distrusts pushy sales calls.",
      professionalGoals: ["Cut planning time", "Fewer late deliveries"],
      needs: ["Relevant case studies", "A realistic ROI estimate", "A demo on his own data"],
      motivations: ["Looking good to the board", "Less firefighting"],
      frustrations: ["Generic email sequences", "Calls from sales right after downloading a paper"],
      preferredChannels: ["web", "email", "video"],
      techSavviness: 3,
      decisionDrivers: ["Proven ROI", "Peer references", "Implementation effort"],
      values: ["Reliability", "Pragmatism"],
      currentSolutions: ["Spreadsheets", "An ageing on-premise planning tool"],
      segment: "Mid-market logistics operations",
      curve: [
        [1, "A useful article answers a real question"],
        [0, "Newsletter is hit and miss"],
        [-1, "Gets a sales call he did not ask for"],
        [2, "Demo on his own data shows real savings"],
        [1, "Signed, but onboarding repeats questions sales already asked"],
      ],
    },
  ],
  lanes: [
    {
      type: "actions",
      cells: [
        "Reads a blog post from a search result",
        "Downloads a planning checklist",
        ["Attends a webinar", "Visits the pricing page twice"],
        ["Books a demo", "Shares the ROI estimate with the CFO"],
        ["Signs the contract", "Meets the onboarding manager"],
      ],
    },
    { type: "emotion" },
    {
      type: "touchpoints",
      cells: [
        tp("Blog article via search", "web", "Content marketing"),
        tp("Gated checklist and welcome email", "email", "Marketing automation"),
        [
          tp("Webinar", "video", "Product marketing"),
          tp("Nurture email sequence", "email", "Marketing automation"),
        ],
        [
          tp("Discovery call", "phone", "Sales development"),
          tp("Tailored demo", "video", "Account executives"),
        ],
        tp("Kick-off meeting", "video", "Customer success"),
      ],
    },
    {
      type: "pain_points",
      cells: {
        "Subscriber / lead": pain(
          "generic",
          "Nurture emails are generic and ignore his industry",
          "workaround",
          0.6,
          "Marketing automation",
          60,
        ),
        "Marketing-qualified lead": pain(
          "early-call",
          "Sales calls before he shows buying intent",
          "abandon",
          0.25,
          "Sales development",
          30,
        ),
        "Deal closed / hand-off": pain(
          "handoff",
          "Context from sales is lost at the hand-off to onboarding",
          "workaround",
          0.5,
          "Customer success",
          45,
        ),
      },
    },
    {
      type: "ideas",
      cells: {
        "Subscriber / lead": idea(
          "Segment the nurture track by industry with matching case studies",
          ["generic"],
          "medium",
        ),
        "Marketing-qualified lead": idea(
          "Agree a lead score threshold and a service-level agreement between marketing and sales",
          ["early-call"],
          "low",
          true,
        ),
        "Deal closed / hand-off": idea(
          "Hand-off note template filled in the CRM before kick-off",
          ["handoff"],
          "low",
          true,
        ),
      },
    },
    {
      type: "kpis",
      cells: [
        kpi("Organic visitors", 18000, 25000, "/month", "Web analytics"),
        kpi("Visitor-to-subscriber rate", 1.8, 3, "%", "Marketing automation"),
        kpi("Subscriber-to-MQL rate", 7, 10, "%", "CRM"),
        kpi("MQL-to-opportunity rate", 12, 20, "%", "CRM"),
        kpi("Opportunity win rate", 22, 28, "%", "CRM"),
      ],
    },
    {
      type: "ownership",
      cells: [
        owner("Content marketing"),
        owner("Marketing automation"),
        owner("Marketing"),
        owner("Sales"),
        owner("Sales and customer success"),
      ],
    },
  ],
};
