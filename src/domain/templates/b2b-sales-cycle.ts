import { idea, kpi, owner, pain, type TemplateSpec, tp } from "./spec.ts";

/** The as-is B2B buying cycle from research to follow-up after the contract. */
export const b2bSalesCycle: TemplateSpec = {
  id: "b2b-sales-cycle",
  title: "B2B sales cycle (current state)",
  kind: "current_state",
  description:
    "How a buying team at a manufacturer purchases industrial sensors today: research, first contact, quote, " +
    "decision, close and follow-up. A starting point for a future-state map of the sales process.",
  tags: ["b2b", "sales", "current state", "manufacturing"],
  goal: {
    statement: "Shorten the sales cycle by removing waiting time between first contact and quote.",
    metric: "Median days from first contact to signed contract",
    target: "from 96 to 60 days",
  },
  scope: {
    start: "An engineer starts researching sensor suppliers",
    end: "The first delivery is installed and reviewed with the account manager",
    scenario:
      "A buying team of three (engineering, procurement, finance) replaces sensors on a production line.",
  },
  stages: [
    { name: "Research", description: "The buying team maps the market on its own." },
    {
      name: "First contact and information gathering",
      description: "Questions to the supplier, specs, samples.",
    },
    { name: "Quote", description: "Configuration, pricing and terms.", moment: true },
    { name: "Decision", description: "Internal comparison and approval." },
    { name: "Close", description: "Contract negotiation and signature." },
    { name: "Follow-up", description: "Delivery, installation and the first review." },
  ],
  personas: [
    {
      name: "Priya Nair",
      age: 39,
      role: "Head of procurement",
      location: "Manufacturing plant, Central Europe",
      quote: "I need comparable offers on time — not a week of back-and-forth.",
      background:
        "Leads purchasing for a plant with 600 employees. Coordinates engineers who care about specs and a " +
        "finance team that cares about total cost. Works with a shortlist of approved suppliers.",
      professionalGoals: ["Reliable suppliers at a fair total cost", "Audit-proof purchasing decisions"],
      needs: ["Complete specifications early", "Quotes in a comparable format", "Named contact person"],
      motivations: ["Keeping the line running", "Saving budget"],
      frustrations: ["Slow quotes", "Unclear lead times", "Changing contacts at the supplier"],
      preferredChannels: ["email", "phone", "web"],
      techSavviness: 3,
      purchaseFrequency: "Major sensor purchases every 2–3 years, spare parts monthly",
      decisionDrivers: ["Total cost of ownership", "Lead time", "Technical fit", "Supplier reliability"],
      values: ["Accountability", "Long-term partnerships"],
      currentSolutions: ["Two incumbent suppliers", "Spreadsheet comparisons"],
      segment: "Mid-size manufacturers",
      curve: [
        [0, "Market overview takes effort but is routine"],
        [-1, "Datasheets incomplete; waits for an engineer's call-back"],
        [-2, "Quote takes 3 weeks and needs two corrections"],
        [0, "Comparison possible, approval round is slow"],
        [1, "Negotiation is fair, contract signed"],
        [2, "Installation goes smoothly with a named account manager"],
      ],
    },
  ],
  lanes: [
    {
      type: "actions",
      cells: [
        ["Searches supplier websites", "Asks peers at a trade fair"],
        ["Requests datasheets and a sample", "Sets up a technical call"],
        ["Sends the requirements", "Chases the quote", "Asks for corrections"],
        ["Compares three offers", "Presents to finance"],
        ["Negotiates terms", "Signs the contract"],
        ["Receives and installs", "Joins the review meeting"],
      ],
    },
    {
      type: "thoughts",
      cells: [
        "“Who really knows our type of line?”",
        "“Why is the pressure rating missing from the datasheet?”",
        "“Three weeks for a quote — will delivery be just as slow?”",
        "“Finance will ask about total cost, not unit price.”",
        "“Good, the terms match what we agreed.”",
        "“Finally someone who calls us first.”",
      ],
    },
    { type: "emotion" },
    {
      type: "touchpoints",
      cells: [
        [
          tp("Supplier website and datasheets", "web", "Marketing"),
          tp("Trade fair stand", "in_store", "Sales"),
        ],
        [
          tp("Contact form", "web", "Inside sales"),
          tp("Technical call with an application engineer", "phone", "Application engineering"),
        ],
        tp("Quote by email", "email", "Inside sales"),
        tp("Clarification call", "phone", "Key account management"),
        tp("Contract and e-signature", "email", "Legal and sales operations"),
        [
          tp("Delivery and installation", "in_store", "Field service"),
          tp("Quarterly review", "video", "Key account management"),
        ],
      ],
    },
    {
      type: "pain_points",
      cells: {
        "First contact and information gathering": pain(
          "specs",
          "Datasheets lack the values engineers need; call-backs take days",
          "workaround",
          0.5,
          "Product marketing",
          60,
        ),
        Quote: [
          pain(
            "quote-time",
            "Quotes take up to three weeks because pricing needs manual approval",
            "abandon",
            0.35,
            "Sales operations",
            45,
          ),
          pain(
            "quote-errors",
            "Quotes often need correcting, which restarts the approval",
            "workaround",
            0.4,
            "Inside sales",
            45,
          ),
        ],
        Decision: pain(
          "tco",
          "No total-cost view, so finance compares unit prices only",
          "workaround",
          0.45,
          "Key account management",
          90,
        ),
      },
    },
    {
      type: "ideas",
      cells: {
        "First contact and information gathering": idea(
          "Complete downloadable datasheets and a same-day technical chat",
          ["specs"],
          "medium",
        ),
        Quote: [
          idea(
            "Pre-approved price bands so standard quotes go out in 48 hours",
            ["quote-time"],
            "medium",
            true,
          ),
          idea("Configurator that checks requirements before the quote is written", ["quote-errors"], "high"),
        ],
        Decision: idea("Total-cost-of-ownership sheet attached to every quote", ["tco"], "low", true),
      },
    },
    {
      type: "kpis",
      cells: {
        "First contact and information gathering": kpi(
          "Time to first technical answer",
          3.5,
          1,
          "days",
          "CRM",
        ),
        Quote: kpi("Days from request to quote", 15, 2, "days", "CRM"),
        Close: kpi("Win rate", 24, 32, "%", "CRM"),
        "Follow-up": kpi("Repeat order within 12 months", 55, 70, "%", "ERP"),
      },
    },
    {
      type: "ownership",
      cells: [
        owner("Marketing"),
        owner("Inside sales"),
        owner("Sales operations"),
        owner("Key account management"),
        owner("Legal"),
        owner("Field service"),
      ],
    },
  ],
};
