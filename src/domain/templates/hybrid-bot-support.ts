import { handoff, idea, kpi, pain, type TemplateSpec, tp } from "./spec.ts";

/** Conversations a chatbot takes first, with the triggers that pass them to a person. */
const ESCALATE = [
  "Anger or frustration detected",
  "Question outside the bot's scope",
  "Customer asks for a person",
  "Two answers in a row rated unhelpful",
];

/** Hybrid support where a bot serves first and hands over to human agents on clear triggers. */
export const hybridBotSupport: TemplateSpec = {
  id: "hybrid-bot-support",
  title: "Hybrid bot + human support",
  kind: "current_state",
  description:
    "A telecom customer asks about a wrong bill in the chat. A bot handles the first steps and hands the " +
    "conversation to an agent when it detects anger, meets a question outside its scope or is asked for a person. " +
    "The hand-off lane makes those rules visible so they can be tuned.",
  tags: ["support", "chatbot", "ai", "telecom"],
  goal: {
    statement: "Let the bot solve simple cases end to end while no upset customer waits for a person.",
    metric: "Bot containment rate and CSAT of escalated conversations",
    target: "containment from 30 % to 45 % with escalated CSAT at least 4.2 of 5",
  },
  scope: {
    start: "The customer opens the chat in the app",
    end: "The bill is corrected and the customer rates the conversation",
    scenario: "A customer was charged twice for a roaming package.",
  },
  stages: [
    { name: "Open the chat", description: "The customer starts a conversation." },
    { name: "Bot triage", description: "The bot identifies the customer and the topic." },
    { name: "Bot tries to solve", description: "Self-service answers and actions.", moment: true },
    { name: "Hand-off", description: "The conversation passes to a person with its context." },
    { name: "Agent resolves", description: "An agent fixes the problem." },
    { name: "Follow-up", description: "Confirmation and satisfaction survey." },
  ],
  personas: [
    {
      name: "Rafael Souza",
      age: 27,
      role: "Delivery driver",
      location: "Big city, on the road most of the day",
      quote: "A bot is fine — until it doesn't understand me. Then give me a human, fast.",
      background:
        "Uses his phone for everything and prefers chat to calling. Has a tight budget, so an unexpected " +
        "charge matters. Chats in short breaks between deliveries and loses patience with loops.",
      personalGoals: ["Get his money back", "Spend as little time as possible"],
      needs: ["Quick recognition of the problem", "A way to reach a person", "Not repeating himself"],
      motivations: ["Fairness", "Keeping control of his spending"],
      frustrations: ["Bots that loop", "Waiting without an estimate", "Repeating the story to the agent"],
      preferredChannels: ["chat", "mobile_app", "sms"],
      techSavviness: 4,
      purchaseFrequency: "Monthly phone plan plus occasional add-ons",
      decisionDrivers: ["Price", "Fair treatment"],
      values: ["Respect", "Speed"],
      currentSolutions: ["Calling the hotline", "Complaining on social media"],
      segment: "Prepaid and budget plan customers",
      curve: [
        [-2, "Annoyed: charged twice"],
        [0, "Bot recognises him and the topic quickly"],
        [-3, "Bot offers generic roaming FAQs twice"],
        [-1, "Transferred, waits four minutes with no estimate"],
        [2, "Agent sees the history and refunds the charge"],
        [1, "Confirmation SMS with the refund"],
      ],
    },
  ],
  lanes: [
    {
      type: "actions",
      cells: [
        "Opens the chat in the app and types “charged twice for roaming”",
        "Confirms his number and the bill",
        ["Reads the suggested articles", "Types “I want a human” after the second loop"],
        "Waits in the queue",
        "Explains nothing again; accepts the refund",
        "Rates the chat",
      ],
    },
    { type: "emotion" },
    {
      type: "touchpoints",
      cells: [
        tp("Chat entry in the app", "chat", "Digital care", { isBot: true }),
        tp("Bot identification and topic detection", "chat", "Conversational AI team", { isBot: true }),
        tp("Bot answers and self-service actions", "chat", "Conversational AI team", { isBot: true }),
        tp("Queue message", "chat", "Workforce management"),
        tp("Billing agent in the chat", "chat", "Billing support"),
        [
          tp("Refund confirmation SMS", "sms", "Billing support"),
          tp("Survey in the chat", "chat", "Digital care", { isBot: true }),
        ],
      ],
    },
    {
      type: "handoff",
      name: "AI ↔ human hand-off",
      cells: [
        handoff("Bot greets and asks for the topic", "bot", ESCALATE),
        handoff("Bot checks identity; hands over if verification fails twice", "bot", [
          ...ESCALATE,
          "Identity check failed twice",
        ]),
        handoff("Bot offers answers and refund request; escalates on triggers", "bot", [
          ...ESCALATE,
          "Refund above the bot's limit",
        ]),
        handoff("Transfer with transcript, detected intent and sentiment", "human"),
        handoff("Billing agent owns the conversation until it is solved", "human"),
        handoff("Bot sends the survey; negative score opens a callback", "bot", [
          "Survey score of 2 or less",
        ]),
      ],
    },
    {
      type: "pain_points",
      cells: {
        "Bot tries to solve": pain(
          "loop",
          "The bot repeats generic answers instead of escalating a billing error",
          "abandon",
          0.35,
          "Conversational AI team",
          30,
        ),
        "Hand-off": pain(
          "wait",
          "No waiting-time estimate after the transfer",
          "workaround",
          0.5,
          "Workforce management",
          45,
        ),
        "Agent resolves": pain(
          "context",
          "Some agents do not see the bot transcript and ask again",
          "workaround",
          0.25,
          "Billing support",
          60,
        ),
      },
    },
    {
      type: "ideas",
      cells: {
        "Bot tries to solve": idea(
          "Detect billing disputes and double charges and escalate at once",
          ["loop"],
          "medium",
          true,
        ),
        "Hand-off": idea("Show queue position and estimated wait; offer a callback", ["wait"], "low", true),
        "Agent resolves": idea(
          "Open the transcript and detected intent by default in the agent desktop",
          ["context"],
          "low",
        ),
      },
    },
    {
      type: "kpis",
      cells: {
        "Bot tries to solve": kpi("Bot containment rate", 30, 45, "%", "Chat platform"),
        "Hand-off": kpi("Median wait after hand-off", 4, 1, "min", "Chat platform"),
        "Follow-up": kpi("CSAT of escalated conversations", 3.6, 4.2, "/5", "Post-chat survey"),
      },
    },
  ],
};
