import { idea, kpi, pain, type TemplateSpec, tp } from "./spec.ts";

/** From normal use through an issue to its resolution, across self-service and agents. */
export const customerSupport: TemplateSpec = {
  id: "customer-support",
  title: "Customer service and support",
  kind: "current_state",
  description:
    "A customer runs into a problem with a product they use every day, looks for help and talks to support " +
    "until it is solved. Shows where effort piles up between self-service and agents.",
  tags: ["support", "customer service", "b2c"],
  goal: {
    statement: "Solve more issues at the first contact and make asking for help less effortful.",
    metric: "First-contact resolution and customer effort score (CES, 1–7)",
    target: "first-contact resolution from 62 % to 80 %; CES from 4.1 to 5.5",
  },
  scope: {
    start: "The customer uses the smart thermostat as usual",
    end: "The issue is solved and the customer rates the support",
    scenario: "The thermostat's app stops syncing with the device after an update.",
  },
  stages: [
    { name: "Normal use", description: "Everything works; the product is part of daily life." },
    { name: "Notices an issue", description: "Something stops working or behaves oddly." },
    { name: "Looks for help", description: "Tries help pages, forums and search first.", moment: true },
    { name: "Talks to support", description: "Contacts an agent by chat or phone." },
    { name: "Resolution", description: "The fix, the confirmation and the follow-up." },
  ],
  personas: [
    {
      name: "Sofia Brandt",
      age: 52,
      role: "Primary school teacher",
      location: "Small town, detached house",
      quote: "I just want it to work again — I don't want to become an expert.",
      background:
        "Bought a smart thermostat to save on heating. Uses the app daily but is not comfortable with settings " +
        "menus. Calls support only after trying for a while on her own and hates repeating herself.",
      personalGoals: ["A warm house at the right times", "Lower heating bills"],
      needs: ["Plain-language instructions", "One contact that solves it", "Updates on progress"],
      motivations: ["Saving energy", "Independence"],
      frustrations: ["Jargon", "Being transferred", "Repeating the problem to each agent"],
      preferredChannels: ["phone", "email", "web"],
      techSavviness: 2,
      purchaseFrequency: "Buys home devices rarely, keeps them for years",
      decisionDrivers: ["Ease of use", "Good support reputation"],
      values: ["Reliability", "Courtesy"],
      currentSolutions: ["Asks her son", "Turns the device off and on"],
      segment: "Non-technical smart-home owners",
      curve: [
        [2, "The house is warm when she gets home"],
        [-2, "Cold house; the app shows “device offline”"],
        [-2, "Help pages assume she knows what a firmware reset is"],
        [-1, "Agent is kind but transfers her once and asks the same questions"],
        [2, "Working again, with a follow-up email explaining what happened"],
      ],
    },
  ],
  lanes: [
    {
      type: "actions",
      cells: [
        "Adjusts the schedule in the app",
        ["Sees “device offline”", "Restarts the app"],
        ["Searches the help centre", "Reads a forum thread"],
        ["Opens the chat", "Is transferred to phone support"],
        ["Follows the reset steps with the agent", "Answers the satisfaction survey"],
      ],
    },
    {
      type: "questions",
      cells: [
        "Can I save more by lowering the night temperature?",
        "Is it the app, the device or my Wi-Fi?",
        "Which of these articles is about my model?",
        "Do I have to explain everything again?",
        "Will it happen again after the next update?",
      ],
    },
    { type: "emotion" },
    {
      type: "touchpoints",
      cells: [
        tp("Mobile app", "mobile_app", "Product", { frequency: "daily" }),
        tp("In-app error message", "mobile_app", "Product"),
        [tp("Help centre", "web", "Support content"), tp("Community forum", "web", "Community")],
        [tp("Live chat", "chat", "Support tier 1"), tp("Phone support", "phone", "Support tier 2")],
        [
          tp("Guided fix on the phone", "phone", "Support tier 2"),
          tp("Follow-up email and CSAT survey", "email", "Support operations"),
        ],
      ],
    },
    {
      type: "pain_points",
      cells: {
        "Notices an issue": pain(
          "error",
          "The error message gives no cause and no next step",
          "workaround",
          0.7,
          "Product",
          60,
        ),
        "Looks for help": pain(
          "articles",
          "Help articles are written for technical users and not by model",
          "workaround",
          0.5,
          "Support content",
          45,
        ),
        "Talks to support": pain(
          "repeat",
          "Context is lost when chat transfers to phone",
          "abandon",
          0.3,
          "Support operations",
          30,
        ),
      },
    },
    {
      type: "ideas",
      cells: {
        "Notices an issue": idea(
          "Error message with a “Fix it” button that links to the right article",
          ["error"],
          "medium",
        ),
        "Looks for help": idea(
          "Rewrite the top 20 articles in plain language, filtered by model",
          ["articles"],
          "medium",
        ),
        "Talks to support": idea(
          "Pass the chat transcript to the phone agent automatically",
          ["repeat"],
          "low",
          true,
        ),
      },
    },
    {
      type: "kpis",
      cells: {
        "Looks for help": kpi("Self-service success rate", 38, 55, "%", "Help centre analytics"),
        "Talks to support": kpi("Transfers per contact", 0.6, 0.2, "", "Ticketing system"),
        Resolution: [
          kpi("First-contact resolution", 62, 80, "%", "Ticketing system"),
          kpi("Customer effort score", 4.1, 5.5, "/7", "Post-contact survey"),
        ],
      },
    },
  ],
};
