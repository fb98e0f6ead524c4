import { idea, kpi, pain, type TemplateSpec, tp } from "./spec.ts";

/** A B2C car service visit with the five classic lanes. */
export const carServiceCentre: TemplateSpec = {
  id: "car-service-centre",
  title: "Car service centre (B2C)",
  kind: "current_state",
  description:
    "A driver takes the car in for its yearly service and an unexpected repair. Uses the five classic lanes — " +
    "customer actions, emotions, touchpoints, pain points, opportunities — plus KPIs.",
  tags: ["automotive", "service", "b2c"],
  goal: {
    statement:
      "Make service visits predictable so that customers approve extra work with confidence and come back.",
    metric: "Service retention (customers returning for the next yearly service)",
    target: "from 58 % to 70 %",
  },
  scope: {
    start: "A warning light or service reminder appears",
    end: "The customer drives away and gets the next reminder",
    scenario: "A yearly service that turns up worn brake pads needing approval.",
  },
  stages: [
    { name: "Service is due", description: "A reminder or warning light." },
    { name: "Book", description: "Chooses a slot and a service package." },
    { name: "Drop off", description: "Hands over the car and the keys." },
    {
      name: "Wait and approve",
      description: "The workshop finds extra work and asks for approval.",
      moment: true,
    },
    { name: "Pick up and pay", description: "Collects the car, pays and hears what was done." },
    { name: "After the visit", description: "Drives, reviews, gets the next reminder." },
  ],
  personas: [
    {
      name: "Tom Berger",
      age: 46,
      role: "Sales representative",
      location: "Commuter town, drives 30,000 km a year",
      quote: "Tell me the price before you start, and have the car ready when you said.",
      background:
        "Depends on his car for work and cannot be without it for long. Has felt overcharged at garages before " +
        "and asks for explanations of any extra work. Books by phone out of habit.",
      personalGoals: ["A safe, reliable car", "No surprises on the bill"],
      professionalGoals: ["Lose as little working time as possible"],
      needs: ["Fixed price estimate", "Replacement car or shuttle", "Proof of what was replaced"],
      motivations: ["Safety of his family", "Keeping the car's resale value"],
      frustrations: ["Unexplained extra costs", "Not knowing when the car will be ready"],
      preferredChannels: ["phone", "sms", "email"],
      techSavviness: 3,
      purchaseFrequency: "One or two workshop visits a year",
      decisionDrivers: ["Trust in the mechanic", "Price transparency", "Convenience"],
      values: ["Fairness", "Punctuality"],
      currentSolutions: ["The dealer's workshop", "A local garage for small jobs"],
      segment: "High-mileage private drivers",
      curve: [
        [-1, "Another thing to organise this week"],
        [0, "Booking by phone works, but only during office hours"],
        [0, "Quick drop-off, no idea when to expect news"],
        [-3, "Calls about brakes with a price, no photo, needs to decide now"],
        [1, "Car ready; the advisor explains the work"],
        [2, "Car drives well; a reminder arrives at the right time"],
      ],
    },
  ],
  lanes: [
    {
      type: "actions",
      name: "Customer actions",
      cells: [
        "Notices the service light",
        "Calls to book a slot",
        ["Drives to the centre", "Hands over keys", "Takes the shuttle to work"],
        ["Waits for news", "Gets a call about brake pads", "Approves the extra work"],
        ["Collects the car", "Pays at the desk"],
        ["Reads the invoice at home", "Leaves a rating"],
      ],
    },
    { type: "emotion", name: "Emotions" },
    {
      type: "touchpoints",
      cells: [
        [
          tp("Dashboard service light", "other", "Manufacturer"),
          tp("Service reminder letter", "post", "Customer care"),
        ],
        tp("Phone booking", "phone", "Service reception"),
        tp("Reception desk", "in_store", "Service reception"),
        tp("Call from the service advisor", "phone", "Service advisors"),
        [
          tp("Pick-up at the desk", "in_store", "Service reception"),
          tp("Payment terminal", "in_store", "Accounts"),
        ],
        [tp("Emailed invoice", "email", "Accounts"), tp("Rating request by SMS", "sms", "Customer care")],
      ],
    },
    {
      type: "pain_points",
      cells: {
        Book: pain(
          "booking",
          "Booking only by phone during office hours",
          "workaround",
          0.45,
          "Service reception",
          60,
        ),
        "Drop off": pain(
          "eta",
          "No promised time for when the car will be ready",
          "workaround",
          0.6,
          "Workshop manager",
          45,
        ),
        "Wait and approve": pain(
          "approval",
          "Extra work must be approved on the phone without photos or a written quote",
          "abandon",
          0.3,
          "Service advisors",
          30,
        ),
        "Pick up and pay": pain(
          "queue",
          "Queue at the desk at 5 pm, when everyone collects",
          "trivial",
          0.5,
          "Service reception",
          90,
        ),
      },
    },
    {
      type: "ideas",
      name: "Opportunities",
      cells: {
        Book: idea("Online booking with fixed-price service packages", ["booking"], "medium"),
        "Drop off": idea(
          "Promise a ready time at drop-off and send an SMS when it changes",
          ["eta"],
          "low",
          true,
        ),
        "Wait and approve": idea(
          "Send a photo, video and itemised quote by SMS for one-tap approval",
          ["approval"],
          "medium",
          true,
        ),
        "Pick up and pay": idea(
          "Pay by link before arrival and collect keys from a key box",
          ["queue"],
          "medium",
        ),
      },
    },
    {
      type: "kpis",
      cells: {
        Book: kpi("Online bookings share", 0, 40, "%", "Dealer management system"),
        "Wait and approve": kpi("Extra work approval rate", 48, 65, "%", "Dealer management system"),
        "After the visit": kpi("Service retention", 58, 70, "%", "CRM"),
      },
    },
  ],
};
