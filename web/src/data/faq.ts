/**
 * The source article's FAQ, answered in plain words. Each answer rests on the article
 * ("Are Calls from Microsoft Legitimate?") unless it names another source.
 */
export interface FaqEntry {
  id: string;
  question: string;
  answer: string[];
  link?: { path: string; label: string };
}

export const FAQ: readonly FaqEntry[] = [
  {
    id: 'is-it-real',
    question: 'Someone says they are from Microsoft. How can I tell if the call is real?',
    answer: [
      'Microsoft does not call you out of the blue. It calls only if you asked it for help first, on its own website or support page.',
      'Ask for their full name, their department and a number to call back. Then hang up.',
      'Find Microsoft’s number yourself, on microsoft.com. Call that number, not the one they gave you.',
      'If they say your computer has a virus and ask to get into it, it is a scam.',
    ],
    link: { path: '/guided', label: 'Check a call, step by step' },
  },
  {
    id: 'tactics',
    question: 'What tricks do fake Microsoft callers use?',
    answer: [
      'They scare you. They say your computer has a virus, or that you were hacked.',
      'They ask to see or control your computer, often with an app like AnyDesk or TeamViewer.',
      'They ask you to pay for help or software you do not need, often with gift cards, crypto or a wire transfer.',
      'They fake the name or number your phone shows, so the call looks like it comes from Microsoft.',
    ],
  },
  {
    id: 'security-calls',
    question: 'Does Microsoft ever call about problems on my computer?',
    answer: [
      'Not out of the blue. If you did not ask Microsoft for help first, the call is not from Microsoft.',
      'Even when you did ask, check: hang up and call Microsoft back on a number from its own website.',
      'Microsoft’s own warnings on your screen never show a phone number to call.',
    ],
  },
  {
    id: 'what-to-do',
    question: 'I got a strange call from “Microsoft”. What should I do?',
    answer: [
      'Do not give any personal details. Do not let them into your computer.',
      'Hang up. You do not have to explain.',
      'Report the call. It helps stop the people behind it.',
    ],
    link: { path: '/report', label: 'Report the call' },
  },
  {
    id: 'verify',
    question: 'How can I check a call before I give any details or access?',
    answer: [
      'Ask for their name, department and a number to call back.',
      'Look up the company’s number yourself and call it. Ask if the call was real.',
      'Microsoft never asks for a password or card number on the phone.',
      'If they rush you or threaten you, that is a scam sign. A real company lets you take your time.',
    ],
    link: { path: '/check', label: 'Check a number or link' },
  },
  {
    id: 'gave-access',
    question: 'I already let them in, or paid. What now?',
    answer: [
      'Act now. Minutes matter, above all for gift cards and bank transfers.',
      'Turn off the internet on the computer. Call your bank on the number on your card.',
      'Then follow the plan on the next page, step by step.',
    ],
    link: { path: '/recovery', label: 'Get your recovery plan' },
  },
  {
    id: 'where-report',
    question: 'Where do I report a scam call?',
    answer: [
      'In the United States: the FTC at ReportFraud.ftc.gov, and the FBI’s Internet Crime Complaint Center (IC3) at ic3.gov.',
      'Tell Microsoft too, on its “report a scam” page.',
      'If you lost money, you can also go to your local police. You may be able to take legal action to get money back.',
    ],
    link: { path: '/report', label: 'Make the reports' },
  },
];
