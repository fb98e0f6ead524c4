import { idea, kpi, owner, pain, type TemplateSpec, tp } from "./spec.ts";

/** The classic seven-stage purchase journey, shown on a household appliance. */
export const classicSevenStage: TemplateSpec = {
  id: "classic-seven-stage",
  title: "Classic seven-stage journey",
  kind: "current_state",
  description:
    "Need, search, choice, purchase and receipt, use, support and loyalty — the full cycle of a considered " +
    "purchase, illustrated with someone replacing a broken washing machine.",
  tags: ["generic", "starter", "retail", "b2c"],
  phases: [
    { name: "Pre-sale", color: "#e8e0ff" },
    { name: "Sale", color: "#fff0c2" },
    { name: "Post-sale", color: "#d9f2e6" },
  ],
  goal: {
    statement: "Turn one-off appliance buyers into loyal customers who buy their next appliance from us.",
    metric: "Share of customers buying a second appliance within three years",
    target: "from 14 % to 22 %",
  },
  scope: {
    start: "The old washing machine breaks down",
    end: "The customer registers the warranty and considers the next purchase",
    scenario: "A family of four needs a new washing machine within a week.",
  },
  stages: [
    { name: "Need", phase: "Pre-sale", description: "Something breaks or a wish appears." },
    { name: "Search", phase: "Pre-sale", description: "Looks for options and advice." },
    {
      name: "Choice",
      phase: "Pre-sale",
      description: "Narrows down to one model and one shop.",
      moment: true,
    },
    { name: "Purchase and receipt", phase: "Sale", description: "Pays and receives the product." },
    { name: "Use", phase: "Post-sale", description: "Lives with the product." },
    { name: "Support", phase: "Post-sale", description: "Gets help with a question or fault." },
    { name: "Loyalty", phase: "Post-sale", description: "Comes back or recommends the brand." },
  ],
  personas: [
    {
      name: "Maria Costa",
      age: 41,
      role: "Nurse working shifts",
      location: "Apartment on the third floor, no lift",
      quote: "I need it delivered, installed and the old one gone — this week.",
      background:
        "Parent of two small children, so laundry cannot wait. Works irregular shifts and has little time to " +
        "compare models; values reliable brands and good delivery service over the lowest price.",
      personalGoals: ["Get back to normal quickly", "A machine that lasts ten years"],
      needs: ["Delivery and installation within days", "Removal of the old machine", "Simple programmes"],
      motivations: ["Family routine", "Energy savings"],
      frustrations: ["Delivery slots during her shifts", "Stairs surcharges", "Manuals full of jargon"],
      preferredChannels: ["web", "in_store", "phone"],
      techSavviness: 3,
      purchaseFrequency: "A large appliance every few years",
      decisionDrivers: ["Delivery date", "Reliability", "Energy label", "Price"],
      values: ["Practicality", "Reliability"],
      currentSolutions: ["The launderette while waiting"],
      segment: "Time-poor families",
      curve: [
        [-2, "Machine broke mid-wash; laundry piling up"],
        [-1, "Too many similar models"],
        [1, "A salesperson helps her choose"],
        [-2, "Delivery slot missed; stairs fee not mentioned before"],
        [2, "Quiet, fast, easy to use"],
        [0, "Error code; support hotline helpful but slow"],
        [1, "Gets a useful offer for a dryer"],
      ],
    },
  ],
  lanes: [
    {
      type: "actions",
      cells: [
        "Old machine leaks and stops",
        ["Searches online", "Asks a neighbour"],
        ["Visits the store", "Compares three models"],
        ["Pays", "Books delivery", "Receives and has it installed"],
        "Runs daily washes",
        ["Looks up an error code", "Calls the hotline"],
        ["Registers the warranty", "Considers buying a dryer from the same shop"],
      ],
    },
    { type: "emotion" },
    {
      type: "touchpoints",
      cells: [
        tp("Manufacturer's error display", "other", "Product"),
        [
          tp("Search and retailer website", "web", "E-commerce"),
          tp("Neighbour's advice", "word_of_mouth", "Marketing"),
        ],
        tp("Store salesperson", "in_store", "Store staff"),
        [
          tp("Checkout and delivery booking", "in_store", "Store staff"),
          tp("Delivery and installation crew", "in_store", "Logistics"),
        ],
        tp("Product and manual", "other", "Product"),
        tp("Service hotline", "phone", "After-sales service"),
        tp("Loyalty email", "email", "CRM"),
      ],
    },
    {
      type: "pain_points",
      cells: {
        Search: pain(
          "models",
          "Model names and specs are hard to compare online",
          "workaround",
          0.5,
          "E-commerce",
          90,
        ),
        "Purchase and receipt": [
          pain(
            "slot",
            "Delivery slots do not fit shift workers and are missed",
            "workaround",
            0.3,
            "Logistics",
            45,
          ),
          pain(
            "stairs",
            "The stairs surcharge is only mentioned at delivery",
            "trivial",
            0.15,
            "Logistics",
            30,
          ),
        ],
        Support: pain(
          "hotline",
          "Long waits on the service hotline for simple questions",
          "workaround",
          0.35,
          "After-sales service",
          60,
        ),
      },
    },
    {
      type: "ideas",
      cells: {
        Search: idea("Side-by-side comparison with plain-language highlights", ["models"], "medium"),
        "Purchase and receipt": [
          idea("Evening and weekend slots with a live arrival window", ["slot"], "high"),
          idea("Ask about floor and lift at checkout and show the full price", ["stairs"], "low", true),
        ],
        Support: idea("Error-code lookup on the website with short videos", ["hotline"], "low", true),
      },
    },
    {
      type: "kpis",
      cells: {
        Choice: kpi("Store visit conversion", 32, 40, "%", "Point of sale"),
        "Purchase and receipt": kpi("Deliveries on the first attempt", 81, 95, "%", "Logistics system"),
        Support: kpi("Average hotline waiting time", 12, 3, "min", "Telephony"),
        Loyalty: kpi("Second purchase within three years", 14, 22, "%", "CRM"),
      },
    },
    {
      type: "ownership",
      cells: [
        owner("Product"),
        owner("E-commerce"),
        owner("Stores"),
        owner("Logistics"),
        owner("Product"),
        owner("After-sales service"),
        owner("CRM"),
      ],
    },
  ],
};
