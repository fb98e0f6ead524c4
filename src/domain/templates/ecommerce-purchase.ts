import { idea, kpi, pain, type TemplateSpec, tp } from "./spec.ts";

/** Tag shared by the e-commerce and NGO maps, which are meant to be compared side by side. */
export const PURCHASE_VS_HELP_TAG = "pair:purchase-vs-help-seeking";

/** Stages shared by the e-commerce and NGO maps, so the two can be compared column by column. */
export const PURCHASE_VS_HELP_STAGES = [
  { name: "Need arises", description: "Something happens that makes the person look for a solution." },
  { name: "Search for information", description: "Where they look and whom they trust." },
  { name: "Choose where to go", description: "Picking one shop or organisation out of the options." },
  {
    name: "Get through the process",
    description: "The steps and barriers between asking and receiving.",
    moment: true,
  },
  { name: "Outcome", description: "What they end up with, and what success means for the provider." },
] as const;

/** Lane names shared by both maps of the pair. */
export const PURCHASE_VS_HELP_LANES = {
  actions: "What they do",
  thoughts: "Emotional state",
  touchpoints: "Touchpoints",
  pains: "Barriers",
  ideas: "Ideas",
  kpis: "Success KPIs",
} as const;

const L = PURCHASE_VS_HELP_LANES;

/** Buying a gadget as a gift online; the commercial half of a pair with `ngo-help-seeking`. */
export const ecommercePurchase: TemplateSpec = {
  id: "ecommerce-purchase",
  title: "Online purchase of a gift",
  kind: "current_state",
  description:
    "A shopper buys a gadget as a birthday gift in an online store. Shares its stages and lanes with the " +
    "NGO help-seeking map so a team can compare a commercial journey with a journey in crisis.",
  tags: ["e-commerce", "retail", "b2c", "comparison", PURCHASE_VS_HELP_TAG],
  goal: {
    statement: "Make first purchases effortless so that more shoppers come back and spend more.",
    metric: "Repeat purchase rate within 90 days",
    target: "from 21 % to 28 %, with average order value +10 %",
  },
  scope: {
    start: "The shopper realises a friend's birthday is next week",
    end: "The gift arrives and the shopper leaves a review",
    scenario: "A first-time customer buys wireless earbuds as a present, on a phone, in the evening.",
  },
  stages: [...PURCHASE_VS_HELP_STAGES],
  personas: [
    {
      name: "Daniel Okafor",
      age: 34,
      role: "Logistics planner",
      location: "Suburb of a large city",
      quote: "Show me the real price up front and tell me when it will arrive.",
      background:
        "Shops online every week, mostly on his phone in the evening. Compares prices across two or three shops " +
        "and watches video reviews before buying electronics. Has been burnt by surprise delivery fees before.",
      personalGoals: ["Find a gift his friend will actually use", "Not overspend"],
      needs: ["Transparent total price", "Reliable delivery date", "Honest reviews"],
      motivations: ["Enjoys finding a good deal", "Wants to look thoughtful"],
      frustrations: ["Forced account creation", "Fees revealed at checkout", "Vague delivery windows"],
      preferredChannels: ["mobile_app", "web", "video", "review_sites"],
      techSavviness: 4,
      purchaseFrequency: "Weekly small orders, electronics a few times a year",
      decisionDrivers: ["Price", "Reviews", "Delivery speed"],
      values: ["Convenience", "Value for money"],
      currentSolutions: ["Large marketplaces", "Price comparison sites"],
      segment: "Mobile-first deal seekers",
      curve: [
        [1, "Interested: a good excuse to browse gadgets"],
        [0, "Impatient with dozens of near-identical offers"],
        [1, "Found a shop with good reviews and a fair price"],
        [-2, "Long registration and a delivery fee appearing at the last step"],
        [2, "Gift arrives on time and the friend loves it"],
      ],
    },
  ],
  lanes: [
    {
      type: "actions",
      name: L.actions,
      cells: [
        "Remembers the birthday, thinks of earbuds",
        ["Compares prices", "Reads reviews", "Watches unboxing videos"],
        "Picks a shop that has stock and a clear return policy",
        ["Creates an account", "Enters address and payment", "Chooses delivery"],
        ["Tracks the parcel", "Hands over the gift", "Writes a review"],
      ],
    },
    {
      type: "thoughts",
      name: L.thoughts,
      cells: [
        "Interest, a little time pressure",
        "Impatience: “Why are there 40 versions of the same thing?”",
        "Cautious optimism",
        "Irritation: “Why do I need an account for one order?”",
        "Relief and satisfaction",
      ],
    },
    { type: "emotion" },
    {
      type: "touchpoints",
      name: L.touchpoints,
      cells: [
        tp("Social media ad for earbuds", "ads", "Marketing"),
        [tp("Price comparison site", "web", "Marketing"), tp("Video reviews", "video", "Marketing")],
        tp("Product page with reviews", "web", "E-commerce"),
        [
          tp("Registration and checkout", "mobile_app", "E-commerce"),
          tp("Order confirmation email", "email", "CRM"),
        ],
        [tp("Parcel delivery", "post", "Logistics"), tp("Review request email", "email", "CRM")],
      ],
    },
    {
      type: "pain_points",
      name: L.pains,
      cells: {
        "Choose where to go": pain(
          "trust",
          "Hard to tell genuine reviews from paid ones",
          "workaround",
          0.35,
          "E-commerce",
          120,
        ),
        "Get through the process": [
          pain("registration", "Long mandatory registration before paying", "abandon", 0.3, "E-commerce", 45),
          pain("fees", "Delivery fee only shown on the last checkout step", "abandon", 0.25, "Pricing", 30),
        ],
        Outcome: pain(
          "delivery",
          "Delivery window of 3–7 days with no precise date",
          "workaround",
          0.4,
          "Logistics",
          60,
        ),
      },
    },
    {
      type: "ideas",
      name: L.ideas,
      cells: {
        "Choose where to go": idea("Mark reviews from verified buyers", ["trust"], "medium"),
        "Get through the process": [
          idea("Offer guest checkout with an optional account afterwards", ["registration"], "medium", true),
          idea("Show the total price including delivery on the product page", ["fees"], "low", true),
        ],
        Outcome: idea("Give a delivery date at checkout and live tracking", ["delivery"], "high"),
      },
    },
    {
      type: "kpis",
      name: L.kpis,
      cells: {
        "Search for information": kpi(
          "Product page views from comparison sites",
          12000,
          15000,
          "/week",
          "Web analytics",
        ),
        "Get through the process": kpi("Checkout completion", 58, 72, "%", "Web analytics"),
        Outcome: [
          kpi("Repeat purchase within 90 days", 21, 28, "%", "Order database"),
          kpi("Average order value", 64, 70, "€", "Order database"),
          kpi("Share of orders with a positive review", 9, 15, "%", "Review platform"),
        ],
      },
    },
  ],
};
