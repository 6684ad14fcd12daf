// Words the demo portal is made of. Every name is invented; domains use the reserved `.example` TLD.

export const FIRST_NAMES = [
  'Alice', 'Amara', 'Amelia', 'Anna', 'Arjun', 'Ben', 'Bethan', 'Callum', 'Charlotte', 'Chloe', 'Connor', 'Daniel', 'David', 'Eleanor',
  'Ella', 'Emily', 'Ethan', 'Fatima', 'Finn', 'Freya', 'George', 'Grace', 'Hannah', 'Harry', 'Imogen', 'Isaac', 'Isla', 'Jack',
  'James', 'Jasmine', 'Joe', 'Joshua', 'Kate', 'Kieran', 'Laura', 'Leo', 'Lily', 'Lucy', 'Luke', 'Maya', 'Megan', 'Mohammed',
  'Nathan', 'Niamh', 'Noah', 'Oliver', 'Olivia', 'Oscar', 'Priya', 'Rachel', 'Rhys', 'Rosa', 'Ruth', 'Ryan', 'Samuel', 'Sara',
  'Sean', 'Sophie', 'Tariq', 'Thomas', 'Tom', 'Victoria', 'William', 'Yusuf', 'Zara', 'Zoe', 'Aidan', 'Beatrice', 'Dominic', 'Harriet',
] as const;

export const LAST_NAMES = [
  'Abbott', 'Adeyemi', 'Ahmed', 'Ainsworth', 'Allen', 'Bailey', 'Barker', 'Bennett', 'Bhatt', 'Brennan', 'Brooks', 'Campbell',
  'Carter', 'Chadwick', 'Chen', 'Clarke', 'Collins', 'Cooper', 'Davies', 'Dixon', 'Doyle', 'Edwards', 'Ellis', 'Evans', 'Fairclough',
  'Fletcher', 'Foster', 'Gallagher', 'Gibson', 'Graham', 'Gupta', 'Hall', 'Hargreaves', 'Harris', 'Hughes', 'Hussain', 'Jackson',
  'James', 'Jenkins', 'Johnson', 'Kaur', 'Kelly', 'Khan', 'Lawson', 'Lewis', 'Lloyd', 'Marsh', 'Mason', 'McCarthy', 'Middleton',
  'Mitchell', 'Moore', 'Morgan', 'Murphy', 'Nowak', 'Okafor', "O'Neill", 'Owen', 'Palmer', 'Parker', 'Patel', 'Pearce', 'Phillips',
  'Price', 'Quinn', 'Reid', 'Richards', 'Roberts', 'Robinson', 'Shah', 'Sharma', 'Shaw', 'Singh', 'Stewart', 'Stewer', 'Sutton',
  'Taylor', 'Thompson', 'Turner', 'Walker', 'Ward', 'Watson', 'Webb', 'Whitfield', 'Williams', 'Wood', 'Wright', 'Young',
] as const;

/** First halves of client company names: places, landmarks and made-up words. */
export const NAME_STEMS = [
  'Ashford', 'Avon', 'Beacon', 'Birchwood', 'Blackwater', 'Bramley', 'Brightwell', 'Caldera', 'Castlegate', 'Cedar', 'Clearwater',
  'Cobalt', 'Copperfield', 'Crown', 'Dale', 'Derwent', 'Eastbrook', 'Elmstead', 'Falcon', 'Fenwick', 'Foxglove', 'Granite', 'Greystone',
  'Harbour', 'Hartley', 'Heron', 'Highfield', 'Holloway', 'Ironbridge', 'Kestrel', 'Kingsway', 'Lakeside', 'Lantern', 'Larch',
  'Linden', 'Marlow', 'Meridian', 'Millbank', 'Moorland', 'Northgate', 'Oakridge', 'Orchard', 'Pennine', 'Pinnacle', 'Quayside',
  'Redcliffe', 'Ridgeway', 'Riverside', 'Rowan', 'Saltire', 'Severn', 'Silverdale', 'Solent', 'Southwark', 'Stanton', 'Summit',
  'Tamar', 'Thames', 'Thornbury', 'Trent', 'Vale', 'Wessex', 'Westfield', 'Whitehaven', 'Willow', 'Windmill', 'Wyvern', 'York',
] as const;

export const COMPANY_SUFFIXES = ['Ltd', 'plc', 'Group', 'Holdings', 'Ltd', 'Ltd'] as const;

/** HubSpot industry values, with the words a company in that industry puts in its name. */
export const INDUSTRIES = [
  { value: 'FOOD_PRODUCTION', words: ['Foods', 'Dairies', 'Bakeries', 'Provisions'] },
  { value: 'LOGISTICS_AND_SUPPLY_CHAIN', words: ['Logistics', 'Freight', 'Distribution', 'Haulage'] },
  { value: 'HOSPITAL_HEALTH_CARE', words: ['Health', 'Care', 'Clinics', 'Medical'] },
  { value: 'COMPUTER_SOFTWARE', words: ['Software', 'Systems', 'Digital', 'Data'] },
  { value: 'RETAIL', words: ['Retail', 'Stores', 'Outfitters', 'Home'] },
  { value: 'OIL_ENERGY', words: ['Energy', 'Power', 'Renewables', 'Fuels'] },
  { value: 'FINANCIAL_SERVICES', words: ['Capital', 'Finance', 'Investments', 'Wealth'] },
  { value: 'CONSTRUCTION', words: ['Construction', 'Builders', 'Developments', 'Civils'] },
  { value: 'PHARMACEUTICALS', words: ['Pharma', 'Therapeutics', 'Biosciences', 'Labs'] },
  { value: 'TELECOMMUNICATIONS', words: ['Telecom', 'Networks', 'Connect', 'Communications'] },
  { value: 'INSURANCE', words: ['Insurance', 'Assurance', 'Underwriting', 'Mutual'] },
  { value: 'AUTOMOTIVE', words: ['Motors', 'Automotive', 'Vehicles', 'Components'] },
  { value: 'HOSPITALITY', words: ['Hotels', 'Leisure', 'Inns', 'Hospitality'] },
  { value: 'REAL_ESTATE', words: ['Estates', 'Property', 'Lettings', 'Land'] },
  { value: 'UTILITIES', words: ['Water', 'Utilities', 'Gas', 'Grid'] },
  { value: 'MECHANICAL_OR_INDUSTRIAL_ENGINEERING', words: ['Engineering', 'Industries', 'Manufacturing', 'Precision'] },
  { value: 'HIGHER_EDUCATION', words: ['College', 'Academy', 'Learning', 'Institute'] },
  { value: 'LEGAL_SERVICES', words: ['Legal', 'Chambers', 'Law', 'Solicitors'] },
] as const;

/** Where clients sit; `region` decides which of our sales teams owns them. */
export const CITIES = [
  { city: 'Manchester', country: 'United Kingdom', region: 'north' },
  { city: 'Leeds', country: 'United Kingdom', region: 'north' },
  { city: 'Newcastle upon Tyne', country: 'United Kingdom', region: 'north' },
  { city: 'Sheffield', country: 'United Kingdom', region: 'north' },
  { city: 'Liverpool', country: 'United Kingdom', region: 'north' },
  { city: 'York', country: 'United Kingdom', region: 'north' },
  { city: 'Edinburgh', country: 'United Kingdom', region: 'north' },
  { city: 'Glasgow', country: 'United Kingdom', region: 'north' },
  { city: 'Belfast', country: 'United Kingdom', region: 'north' },
  { city: 'Dublin', country: 'Ireland', region: 'north' },
  { city: 'London', country: 'United Kingdom', region: 'south' },
  { city: 'London', country: 'United Kingdom', region: 'south' },
  { city: 'London', country: 'United Kingdom', region: 'south' },
  { city: 'Bristol', country: 'United Kingdom', region: 'south' },
  { city: 'Birmingham', country: 'United Kingdom', region: 'south' },
  { city: 'Reading', country: 'United Kingdom', region: 'south' },
  { city: 'Cambridge', country: 'United Kingdom', region: 'south' },
  { city: 'Oxford', country: 'United Kingdom', region: 'south' },
  { city: 'Southampton', country: 'United Kingdom', region: 'south' },
  { city: 'Cardiff', country: 'United Kingdom', region: 'south' },
  { city: 'Amsterdam', country: 'Netherlands', region: 'south' },
] as const;
export type Region = (typeof CITIES)[number]['region'];

/** Departments at a client, the job titles at each level under the chief executive, and what people there decide on. */
export const DEPARTMENTS = {
  finance: { titles: ['Chief Financial Officer', 'Head of Finance', 'Finance Manager', 'Financial Analyst'], topics: 'Budget; Fees; Payment terms' },
  operations: { titles: ['Chief Operating Officer', 'Head of Operations', 'Operations Manager', 'Operations Analyst'], topics: 'Operations; Process change' },
  technology: { titles: ['Chief Technology Officer', 'Head of IT', 'IT Manager', 'Systems Analyst'], topics: 'IT systems; Data' },
  people: { titles: ['HR Director', 'Head of People', 'HR Business Partner', 'HR Advisor'], topics: 'People; Training; Restructuring' },
  marketing: { titles: ['Marketing Director', 'Head of Marketing', 'Marketing Manager', 'Marketing Executive'], topics: 'Brand; Market research' },
  procurement: { titles: ['Procurement Director', 'Head of Procurement', 'Category Manager', 'Buyer'], topics: 'Suppliers; Contracts; Panel appointments' },
  legal: { titles: ['General Counsel', 'Head of Legal', 'Legal Counsel', 'Paralegal'], topics: 'Contracts; Compliance' },
  strategy: { titles: ['Strategy Director', 'Head of Strategy', 'Strategy Manager', 'Strategy Analyst'], topics: 'Strategy; Acquisitions' },
} as const;
export type Department = keyof typeof DEPARTMENTS;
export const CHIEF_EXECUTIVE_TITLES = ['Chief Executive Officer', 'Managing Director'] as const;
export const CHIEF_EXECUTIVE_TOPICS = 'Strategy; Budget; Supplier choice';

/** What our consultancy sells: deal names are "<client> – <service>". */
export const SERVICES = [
  'Operating model review', 'Cost reduction programme', 'Digital strategy', 'Market entry study', 'Board advisory retainer',
  'Commercial due diligence', 'Pricing review', 'Supply chain diagnostic', 'Customer research', 'Change programme',
  'Organisation design', 'Procurement transformation', 'Data strategy', 'Post-merger integration', 'Growth strategy',
] as const;

export const MEETING_TOPICS = ['Quarterly account review', 'Steering committee', 'Project kick-off', 'Workshop', 'Proposal discussion', 'Lunch', 'Findings presentation', 'Introductions'] as const;
export const CALL_TOPICS = ['Catch-up', 'Follow-up on proposal', 'Scoping call', 'Progress update', 'Invoice query', 'Introduction call'] as const;
export const EMAIL_SUBJECTS = ['Proposal attached', 'Notes from our meeting', 'Next steps', 'Draft report for comment', 'Invitation: client breakfast briefing', 'Re: timetable', 'Thank you'] as const;

/** How key clients see themselves and where they are heading, as an account team words it (the "Client strategy" field). */
export const CLIENT_STRATEGIES = [
  'Growing by acquisition in the Midlands; wants advisers who can move quickly on deals.',
  'Consolidating suppliers to a few trusted firms over the next two years.',
  'Preparing for a listing within three years; governance and reporting come first.',
  'Moving from owner-led to professional management; a new board is being built.',
  'Expanding into Europe from a UK base; needs help with cross-border tax and people.',
  'Cutting costs after a difficult year; every adviser has to show value.',
] as const;

/** What a client acquired by a larger group says of itself a few weeks later. */
export const STRATEGY_AFTER_ACQUISITION = "Being folded into the new parent's group: purchasing moves to group level and advisers are re-tendered next year.";

export const KEY_ACCOUNT_REASONS = [
  'Top client by fees for three years running; board-level relationship.',
  'Large multi-year programme and strong advocacy: referred two new clients last year.',
  'Prestige client in a sector we want to grow; high margin work.',
  'High share of their consulting spend and room to grow into operations work.',
] as const;
export const CANDIDATE_REASONS = [
  'Growing fast; potential to double fees within two years.',
  'New finance director is a former client of ours.',
  'Strategic fit with our growth plan; small share of wallet today.',
] as const;
export const FORMER_REASONS = [
  'Fees fell after their restructuring; moved back to normal service.',
  'Work moved in-house; no longer a priority account.',
] as const;
