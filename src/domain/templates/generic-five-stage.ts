import { idea, kpi, owner, pain, type TemplateSpec, tp } from "./spec.ts";

/** The generic five-stage customer life cycle, filled with neutral example content to overwrite. */
export const genericFiveStage: TemplateSpec = {
  id: "generic-five-stage",
  title: "Generic five-stage journey",
  kind: "current_state",
  description:
    "Awareness, consideration, decision, retention and advocacy: the classic life-cycle frame for any product. " +
    "The example content is deliberately generic — replace it with your own customer and research.",
  tags: ["generic", "starter", "life cycle"],
  goal: {
    statement: "Find the stage where most potential customers are lost and improve it first.",
    metric: "Conversion from consideration to first purchase",
    target: "+5 percentage points within two quarters",
  },
  scope: {
    start: "The customer first hears of the brand",
    end: "The customer recommends it to someone else",
    scenario: "A typical customer of your main product; adapt to one concrete scenario before workshops.",
  },
  stages: [
    { name: "Awareness", description: "Learns that the brand or product exists." },
    { name: "Consideration", description: "Compares it with alternatives." },
    { name: "Decision", description: "Buys or signs up.", moment: true },
    { name: "Retention", description: "Uses it and keeps using it." },
    { name: "Advocacy", description: "Recommends it and reviews it." },
  ],
  personas: [
    {
      name: "Sam Rivera",
      age: 35,
      role: "Typical customer (placeholder — replace with your persona)",
      location: "Your main market",
      quote: "I'll buy it if I understand quickly why it's better for me.",
      background:
        "A stand-in persona so the template is complete. Busy, compares options online, trusts friends and " +
        "reviews more than ads, and expects help to be easy to reach after buying.",
      personalGoals: ["Solve the problem the product addresses", "Spend wisely"],
      needs: ["Clear value proposition", "Honest comparisons", "Easy help after buying"],
      motivations: ["Saving time", "Recommendations from people like them"],
      frustrations: ["Hidden costs", "Pushy sales", "Hard-to-reach support"],
      preferredChannels: ["web", "social", "email", "word_of_mouth"],
      techSavviness: 3,
      decisionDrivers: ["Price", "Reviews", "Ease of use"],
      values: ["Trust", "Convenience"],
      currentSolutions: ["A competitor's product", "A manual workaround"],
      segment: "Main segment (placeholder)",
      curve: [
        [0, "Mildly curious"],
        [-1, "Comparison is confusing"],
        [1, "Relieved to have decided"],
        [-1, "First issue after purchase is slow to solve"],
        [2, "Happy enough to recommend it"],
      ],
    },
  ],
  lanes: [
    {
      type: "actions",
      cells: [
        "Sees an ad or hears about the brand from a friend",
        "Visits the website, reads reviews, compares prices",
        "Buys online or in store",
        "Uses the product, contacts support once",
        "Leaves a review, tells a friend",
      ],
    },
    {
      type: "thoughts",
      cells: [
        "“Is this for someone like me?”",
        "“How is it different from what I have?”",
        "“I hope I don't regret this.”",
        "“It works — mostly.”",
        "“My colleague should try it.”",
      ],
    },
    { type: "emotion" },
    {
      type: "touchpoints",
      cells: [
        [tp("Social media ads", "ads", "Marketing"), tp("Word of mouth", "word_of_mouth", "Marketing")],
        [tp("Website", "web", "Marketing"), tp("Review sites", "review_sites", "Marketing")],
        tp("Checkout", "web", "Sales"),
        [tp("Product", "other", "Product"), tp("Support", "chat", "Customer service")],
        tp("Referral programme", "email", "Marketing"),
      ],
    },
    {
      type: "pain_points",
      cells: {
        Consideration: pain(
          "compare",
          "The value over alternatives is hard to see",
          "abandon",
          0.4,
          "Marketing",
          60,
        ),
        Retention: pain(
          "support",
          "Help after purchase is slow to reach",
          "workaround",
          0.3,
          "Customer service",
          45,
        ),
      },
    },
    {
      type: "ideas",
      cells: {
        Consideration: idea("Comparison page with honest pros and cons", ["compare"], "low", true),
        Retention: idea("Proactive onboarding emails and in-product help", ["support"], "medium"),
      },
    },
    {
      type: "kpis",
      cells: [
        kpi("Brand awareness", 12, 18, "%", "Brand survey"),
        kpi("Consideration-to-purchase rate", 8, 13, "%", "Web analytics"),
        kpi("Checkout completion", 65, 75, "%", "Web analytics"),
        kpi("12-month retention", 60, 70, "%", "CRM"),
        kpi("Net Promoter Score", 21, 35, "", "NPS survey"),
      ],
    },
    {
      type: "ownership",
      cells: [
        owner("Marketing"),
        owner("Marketing"),
        owner("Sales"),
        owner("Customer service"),
        owner("Marketing"),
      ],
    },
  ],
};
