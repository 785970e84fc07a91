/** Curated name and place pools: common, realistic, and varied across regions. */

export const MALE_NAMES = [
  'Aarav', 'Abhishek', 'Aditya', 'Ajay', 'Akash', 'Amit', 'Anand', 'Anil', 'Arjun', 'Ashok',
  'Bharat', 'Chetan', 'Darshan', 'Deepak', 'Dinesh', 'Ganesh', 'Gaurav', 'Harish', 'Imran',
  'Jayant', 'Karthik', 'Kiran', 'Krishna', 'Madhav', 'Mahesh', 'Manoj', 'Mohan', 'Naveen',
  'Nikhil', 'Omkar', 'Pranav', 'Prakash', 'Pratik', 'Rahul', 'Rajesh', 'Rakesh', 'Ravi',
  'Rohit', 'Sachin', 'Sameer', 'Sandeep', 'Santosh', 'Shreyas', 'Siddharth', 'Srinivas',
  'Suresh', 'Tejas', 'Tushar', 'Varun', 'Venkatesh', 'Vikas', 'Vinay', 'Vishal', 'Yash',
  'Zubair', 'Joseph', 'Thomas', 'Faisal', 'Harpreet', 'Manjunath',
] as const;

export const FEMALE_NAMES = [
  'Aishwarya', 'Ananya', 'Anjali', 'Anusha', 'Aparna', 'Bhavana', 'Chaitra', 'Deepa',
  'Divya', 'Gayatri', 'Geeta', 'Harini', 'Isha', 'Jyoti', 'Kavya', 'Keerthi', 'Lakshmi',
  'Madhuri', 'Meghana', 'Mehak', 'Nandini', 'Neha', 'Nikita', 'Pallavi', 'Priya', 'Radhika',
  'Rashmi', 'Rekha', 'Riya', 'Sana', 'Sangeeta', 'Shalini', 'Shilpa', 'Shreya', 'Shruti',
  'Sneha', 'Sonal', 'Sowmya', 'Sunita', 'Swati', 'Tanvi', 'Uma', 'Vaishnavi', 'Varsha',
  'Vidya', 'Zoya', 'Mary', 'Fatima', 'Simran', 'Pooja', 'Asha', 'Kamala', 'Saraswati',
] as const;

/** Surnames by region, so a family in Pune tends to have a Maharashtrian name. */
export const SURNAMES = {
  south: [
    'Rao', 'Reddy', 'Shetty', 'Hegde', 'Gowda', 'Nayak', 'Iyer', 'Iyengar', 'Pillai', 'Nair',
    'Menon', 'Krishnan', 'Subramanian', 'Bhat', 'Kamath', 'Prabhu', 'Naidu', 'Murthy', 'Shenoy',
    'Acharya',
  ],
  west: [
    'Patil', 'Deshpande', 'Kulkarni', 'Joshi', 'Jadhav', 'Pawar', 'Shinde', 'Gokhale', 'Bhosale',
    'Kale', 'Deshmukh', 'Chavan', 'Sawant', 'Mehta', 'Shah', 'Gaikwad', 'Apte', 'Naik', 'Desai',
    'Karve',
  ],
  pan: [
    'Sharma', 'Verma', 'Gupta', 'Singh', 'Agarwal', 'Khan', 'Sheikh', 'Das', 'Banerjee', 'Mishra',
    'Srivastava', 'Malhotra', 'Kapoor', 'Chopra', "D'Souza", 'Fernandes', 'Thomas', 'George',
    'Ahmed', 'Saxena',
  ],
} as const;

export type Locality = { name: string; postalCode: string; streets: readonly string[] };
export type CityPlaces = { city: string; state: string; localities: readonly Locality[] };

export const BENGALURU: CityPlaces = {
  city: 'Bengaluru',
  state: 'Karnataka',
  localities: [
    { name: 'Indiranagar', postalCode: '560038', streets: ['100 Feet Road', '12th Main Road', 'CMH Road', 'Defence Colony'] },
    { name: 'Koramangala', postalCode: '560034', streets: ['80 Feet Road', '5th Block', '1st Cross Road', 'Jyoti Nivas College Road'] },
    { name: 'HSR Layout', postalCode: '560102', streets: ['27th Main Road', 'Sector 2', 'Agara Main Road'] },
    { name: 'Jayanagar', postalCode: '560041', streets: ['4th Block', '11th Main Road', '30th Cross Road'] },
    { name: 'Whitefield', postalCode: '560066', streets: ['ITPL Main Road', 'Varthur Road', 'Hope Farm Junction'] },
    { name: 'Malleshwaram', postalCode: '560003', streets: ['Sampige Road', '8th Cross', 'Margosa Road'] },
    { name: 'JP Nagar', postalCode: '560078', streets: ['24th Main Road', '6th Phase', 'Ring Road'] },
    { name: 'Domlur', postalCode: '560071', streets: ['Old Airport Road', 'Domlur Layout', '2nd Stage'] },
    { name: 'HAL 2nd Stage', postalCode: '560008', streets: ['Double Road', '13th Main Road', 'Appareddy Palya'] },
    { name: 'Hebbal', postalCode: '560024', streets: ['Bellary Road', 'Kempapura Main Road'] },
  ],
};

export const PUNE: CityPlaces = {
  city: 'Pune',
  state: 'Maharashtra',
  localities: [
    { name: 'Koregaon Park', postalCode: '411001', streets: ['North Main Road', 'Lane 5', 'South Main Road'] },
    { name: 'Kalyani Nagar', postalCode: '411006', streets: ['Central Avenue', 'Lane 7', 'Marigold Complex Road'] },
    { name: 'Viman Nagar', postalCode: '411014', streets: ['Datta Mandir Road', 'Phoenix Mall Road', 'Symbiosis Road'] },
    { name: 'Baner', postalCode: '411045', streets: ['Baner Road', 'Balewadi Phata', 'Pancard Club Road'] },
    { name: 'Aundh', postalCode: '411007', streets: ['ITI Road', 'DP Road', 'Parihar Chowk'] },
    { name: 'Kothrud', postalCode: '411038', streets: ['Karve Road', 'Paud Road', 'Mayur Colony'] },
    { name: 'Hadapsar', postalCode: '411028', streets: ['Magarpatta Road', 'Solapur Road'] },
    { name: 'Wakad', postalCode: '411057', streets: ['Datta Mandir Road', 'Kaspate Vasti'] },
  ],
};

export const CHENNAI: CityPlaces = {
  city: 'Chennai',
  state: 'Tamil Nadu',
  localities: [
    { name: 'Adyar', postalCode: '600020', streets: ['LB Road', 'Gandhi Nagar 2nd Main Road', 'Kasturba Nagar'] },
    { name: 'Besant Nagar', postalCode: '600090', streets: ['2nd Avenue', '7th Cross Street', 'Elliots Beach Road'] },
    { name: 'Mylapore', postalCode: '600004', streets: ['Luz Church Road', 'RK Mutt Road'] },
    { name: 'T. Nagar', postalCode: '600017', streets: ['Usman Road', 'GN Chetty Road'] },
  ],
};

export const BUILDINGS = [
  'Prestige Shantiniketan', 'Sobha Daffodil', 'Brigade Gardenia', 'Green Glen Apartments',
  'Sai Krupa', 'Lakshmi Nilaya', 'Sunshine Residency', 'Mantri Elegance', 'Purva Riviera',
  'Kumar Pebble Park', 'Nyati Enclave', 'Amanora Park Towers', 'Gulmohar Apartments',
] as const;

export const INSURERS = [
  { insurer: 'Star Health', plans: ['Family Health Optima', 'Comprehensive'] },
  { insurer: 'HDFC ERGO', plans: ['Optima Secure', 'my:Health Suraksha'] },
  { insurer: 'ICICI Lombard', plans: ['Complete Health Insurance', 'Elevate'] },
  { insurer: 'Niva Bupa', plans: ['ReAssure 2.0', 'Health Companion'] },
  { insurer: 'Care Health Insurance', plans: ['Care Supreme', 'Care Classic'] },
  { insurer: 'Aditya Birla Health', plans: ['Activ Health Platinum', 'Activ One'] },
] as const;

export const LEAD_SOURCES = [
  ['Google search', 5],
  ['Referral from a patient', 4],
  ['Practo', 3],
  ['Walked past the clinic', 2],
  ['Instagram', 2],
  ['Corporate tie-up', 1],
  ['Justdial', 1],
] as const;

export const BLOOD_GROUPS = [
  ['B+', 32],
  ['O+', 29],
  ['A+', 21],
  ['AB+', 7],
  ['B-', 2],
  ['O-', 2],
  ['A-', 1],
  ['AB-', 1],
] as const;
