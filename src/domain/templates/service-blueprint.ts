import { idea, kpi, pain, step, type TemplateSpec, tp } from "./spec.ts";

/** A service blueprint of a hotel stay: what guests see, what staff do behind it, what supports them. */
export const serviceBlueprint: TemplateSpec = {
  id: "service-blueprint",
  title: "Service blueprint: hotel stay",
  kind: "service_blueprint",
  description:
    "A one-night business stay in a city hotel, drawn as a service blueprint: customer actions and physical " +
    "evidence above the line of interaction, frontstage and backstage staff actions, and the support systems " +
    "underneath. Works as a pattern for any service.",
  tags: ["service blueprint", "hospitality", "operations"],
  goal: {
    statement:
      "Remove the waiting and repeated questions at check-in and check-out by connecting frontstage and backstage.",
    metric: "Median time at the front desk per stay",
    target: "from 11 to 4 minutes",
  },
  scope: {
    start: "The guest books a room online",
    end: "The guest has checked out and received the invoice",
    scenario: "A business traveller arrives late in the evening and leaves early the next morning.",
  },
  stages: [
    { name: "Book", description: "Reserves a room online." },
    { name: "Arrive and check in", description: "Gets to the hotel and receives a key.", moment: true },
    { name: "Stay", description: "Uses the room and the Wi-Fi." },
    { name: "Request", description: "Asks for something during the stay." },
    { name: "Check out", description: "Pays and leaves." },
  ],
  personas: [
    {
      name: "Amira Haddad",
      age: 36,
      role: "Management consultant",
      location: "Travels three nights a week",
      quote: "After a late flight I want a key and a bed, not a conversation.",
      background:
        "Stays in hotels more than 100 nights a year, always for work, and expenses everything through her " +
        "company. Values speed and a quiet room over extras and knows exactly what a good stay looks like.",
      professionalGoals: ["Arrive rested for morning meetings", "Expense reports without chasing invoices"],
      needs: ["Fast check-in at any hour", "Reliable Wi-Fi", "Invoice with company details"],
      motivations: ["Efficiency", "Loyalty points"],
      frustrations: [
        "Queues at the desk",
        "Repeating booking details",
        "Invoices with the wrong company name",
      ],
      preferredChannels: ["mobile_app", "email", "chat"],
      techSavviness: 4,
      purchaseFrequency: "Weekly",
      decisionDrivers: ["Location", "Company rate", "Past experience"],
      values: ["Efficiency", "Predictability"],
      currentSolutions: ["Chain loyalty app", "Travel agency booking tool"],
      segment: "Frequent business travellers",
      curve: [
        [1, "Quick booking with the company rate"],
        [-2, "Queue at 11 pm and asked again for her company details"],
        [1, "Quiet room, Wi-Fi works"],
        [-1, "Iron arrives after 40 minutes"],
        [-1, "Invoice has the wrong company name"],
      ],
    },
  ],
  lanes: [
    {
      type: "actions",
      name: "Customer actions",
      cells: [
        "Books on the hotel website with the company rate",
        "Arrives, queues, gives ID and card",
        "Sleeps, works, uses Wi-Fi",
        "Calls reception for an iron",
        "Returns the key, asks for an invoice",
      ],
    },
    { type: "emotion" },
    {
      type: "touchpoints",
      name: "Physical evidence",
      cells: [
        [
          tp("Booking website", "web", "Revenue and distribution"),
          tp("Confirmation email", "email", "Reservations"),
        ],
        [tp("Lobby and front desk", "in_store", "Front office"), tp("Key card", "in_store", "Front office")],
        tp("Room and Wi-Fi login page", "in_store", "Housekeeping"),
        tp("Room phone", "phone", "Front office"),
        [tp("Front desk", "in_store", "Front office"), tp("Emailed invoice", "email", "Accounting")],
      ],
    },
    {
      type: "frontstage",
      cells: [
        step("Booking engine shows rates and confirms", "Revenue and distribution"),
        step("Receptionist greets, checks ID, issues key", "Front office"),
        step("Housekeeper greets guest in the corridor", "Housekeeping"),
        step("Receptionist takes the request and promises a time", "Front office"),
        step("Receptionist settles the bill", "Front office"),
      ],
    },
    {
      type: "backstage",
      cells: [
        step("Reservation is checked against the corporate contract", "Reservations"),
        step("Room assignment and key encoding", "Front office"),
        step("Room cleaned and inspected before arrival", "Housekeeping"),
        step("Request passed to the night porter", "Front office"),
        step("Minibar and extras added to the folio", "Front office"),
      ],
    },
    {
      type: "support",
      name: "Support processes",
      cells: [
        step("Channel manager and booking engine", "IT"),
        step("Property management system; key encoder", "IT"),
        step("Housekeeping status board", "Housekeeping"),
        step("Request log (paper notebook)", "Front office"),
        step("Invoicing in the property management system", "Accounting"),
      ],
    },
    {
      type: "pain_points",
      cells: {
        "Arrive and check in": pain(
          "queue",
          "Late arrivals queue while the only receptionist re-enters booking data",
          "workaround",
          0.5,
          "Front office manager",
          45,
        ),
        Request: pain(
          "requests",
          "Requests are logged on paper and lost between shifts",
          "workaround",
          0.3,
          "Front office manager",
          30,
        ),
        "Check out": pain(
          "invoice",
          "Company details from the booking do not reach the invoice",
          "workaround",
          0.35,
          "Accounting",
          60,
        ),
      },
    },
    {
      type: "ideas",
      cells: {
        "Arrive and check in": idea("Online pre-check-in and a self-service key kiosk", ["queue"], "high"),
        Request: idea(
          "Digital request log visible to every shift, with response times",
          ["requests"],
          "low",
          true,
        ),
        "Check out": idea(
          "Copy company billing details from the booking into the folio",
          ["invoice"],
          "low",
          true,
        ),
      },
    },
    {
      type: "kpis",
      cells: {
        "Arrive and check in": kpi(
          "Median time at the desk on arrival",
          8,
          2,
          "min",
          "Front office sampling",
        ),
        Request: kpi("Requests fulfilled within 15 minutes", 55, 90, "%", "Request log"),
        "Check out": kpi("Invoices corrected after stay", 12, 2, "%", "Accounting"),
      },
    },
  ],
};
