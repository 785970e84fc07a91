import type { ChannelTemplates } from './defaults';
import type { MessageKind } from './kinds';

/* Hindi defaults, in Devanagari. Any Hindi SMS is UCS-2 (67 characters a segment), so SMS say less. */
export const HINDI_TEMPLATES: Record<MessageKind, ChannelTemplates> = {
  otp_sign_in: {
    sms: { body: '{{code}} आपका {{organizationName}} साइन-इन कोड है। यह 10 मिनट में समाप्त हो जाएगा। इसे किसी को न बताएँ।' },
    whatsapp: {
      body: '{{code}} आपका {{organizationName}} साइन-इन कोड है। यह 10 मिनट में समाप्त हो जाएगा। इसे किसी के साथ साझा न करें।',
    },
    email: {
      subject: 'आपका {{organizationName}} साइन-इन कोड',
      body: '{{code}} आपका {{organizationName}} साइन-इन कोड है। यह 10 मिनट में समाप्त हो जाएगा। इसे किसी के साथ साझा न करें।',
    },
  },
  booking_confirmation: {
    sms: {
      body: '{{organizationName}}: {{clinicianName}} के साथ आपकी विज़िट {{date}}, {{time}} के लिए बुक है। बदलने या रद्द करने के लिए: {{link}}',
    },
    whatsapp: {
      body: 'नमस्ते {{patientName}}, {{clinicianName}} के साथ आपकी विज़िट {{date}}, {{time}} के लिए बुक हो गई है।\n\n{{centreName}}\n{{centreAddress}}\n\nबदलने या रद्द करने के लिए: {{link}}\n\n{{organizationName}}',
    },
    email: {
      subject: '{{organizationName}}: {{date}}, {{time}} को आपकी विज़िट',
      body: 'नमस्ते {{patientName}},\n\n{{clinicianName}} के साथ आपकी विज़िट {{date}}, {{time}} के लिए बुक हो गई है। पता:\n\n{{centreName}}\n{{centreAddress}}\n\nकृपया कुछ मिनट पहले पहुँचें। आने की पुष्टि करें: {{confirmLink}}\nविज़िट बदलने या रद्द करने के लिए: {{link}}\n\n{{organizationName}}',
    },
  },
  reminder: {
    sms: {
      // Two signed links (81 characters each) do not fit 3 UCS-2 segments: the SMS asks only to confirm.
      body: '{{organizationName}}: याद दिला दें, {{date}}, {{time}} को आपकी विज़िट है। कृपया पुष्टि करें: {{confirmLink}}',
    },
    whatsapp: {
      body: 'नमस्ते {{patientName}}, याद दिला दें कि {{date}}, {{time}} को {{centreName}}, {{centreAddress}} में {{clinicianName}} के साथ आपकी विज़िट है।\n\nपुष्टि करें: {{confirmLink}}\nरद्द करें: {{cancelLink}}\n\n{{organizationName}}',
    },
    email: {
      subject: 'रिमाइंडर: {{date}}, {{time}} को आपकी विज़िट',
      body: 'नमस्ते {{patientName}},\n\nयाद दिला दें कि {{date}}, {{time}} को {{clinicianName}} के साथ आपकी विज़िट है। पता:\n\n{{centreName}}\n{{centreAddress}}\n\nकृपया पुष्टि करें कि आप आएँगे: {{confirmLink}}\nअगर आप नहीं आ सकते, तो कृपया विज़िट रद्द कर दें ताकि यह समय किसी और को मिल सके: {{cancelLink}}\n\n{{organizationName}}',
    },
  },
  reschedule_notice: {
    sms: {
      body: '{{organizationName}}: {{clinicianName}} के साथ आपकी विज़िट अब {{date}}, {{time}} को है। विवरण: {{link}}',
    },
    whatsapp: {
      body: 'नमस्ते {{patientName}}, {{clinicianName}} के साथ आपकी विज़िट {{previousDate}}, {{previousTime}} से बदलकर {{date}}, {{time}} कर दी गई है ({{centreName}})।\n\nविवरण: {{link}}\n\n{{organizationName}}',
    },
    email: {
      subject: '{{organizationName}}: आपकी विज़िट अब {{date}}, {{time}} को है',
      body: 'नमस्ते {{patientName}},\n\n{{clinicianName}} के साथ आपकी विज़िट {{previousDate}}, {{previousTime}} से बदलकर {{date}}, {{time}} कर दी गई है। पता:\n\n{{centreName}}\n{{centreAddress}}\n\nबदलने या रद्द करने के लिए: {{link}}\n\n{{organizationName}}',
    },
  },
  cancellation_notice: {
    sms: {
      body: '{{organizationName}}: {{date}}, {{time}} को {{clinicianName}} के साथ आपकी विज़िट रद्द हो गई है। दोबारा बुक करें: {{link}}',
    },
    whatsapp: {
      body: 'नमस्ते {{patientName}}, {{date}}, {{time}} को {{centreName}} में {{clinicianName}} के साथ आपकी विज़िट रद्द हो गई है।\n\nकोई और समय बुक करने के लिए: {{link}}\n\n{{organizationName}}',
    },
    email: {
      subject: '{{organizationName}}: {{date}} की आपकी विज़िट रद्द हो गई है',
      body: 'नमस्ते {{patientName}},\n\n{{date}}, {{time}} को {{centreName}} में {{clinicianName}} के साथ आपकी विज़िट रद्द हो गई है।\n\nकोई और समय बुक करने के लिए: {{link}}\n\n{{organizationName}}',
    },
  },
  form_link: {
    sms: {
      body: '{{organizationName}}: कृपया विज़िट से पहले अपना मेडिकल हिस्ट्री फ़ॉर्म भरें: {{link}} लिंक {{until}} तक चलेगा।',
    },
    whatsapp: {
      body: '{{organizationName}}: कृपया अपनी विज़िट से पहले अपना मेडिकल हिस्ट्री फ़ॉर्म भरें: {{link}}\n\nफ़ॉर्म सबसे पहले आपकी जन्मतिथि पूछेगा। यह लिंक {{until}} तक काम करेगा।',
    },
    email: {
      subject: '{{organizationName}}: आपका मेडिकल हिस्ट्री फ़ॉर्म',
      body: '{{organizationName}}: कृपया अपनी विज़िट से पहले अपना मेडिकल हिस्ट्री फ़ॉर्म भरें: {{link}}\n\nफ़ॉर्म सबसे पहले आपकी जन्मतिथि पूछेगा। यह लिंक {{until}} तक काम करेगा।',
    },
  },
  payment_link: {
    sms: { body: '{{organizationName}}: {{what}} के लिए {{amount}} का भुगतान बाकी है। यहाँ भुगतान करें: {{link}}' },
    whatsapp: {
      body: '{{organizationName}}: {{what}} के लिए {{amount}} का भुगतान बाकी है। यहाँ सुरक्षित भुगतान करें: {{link}}',
    },
    email: {
      subject: '{{organizationName}}: {{amount}} का भुगतान करें',
      body: '{{organizationName}}: {{what}} के लिए {{amount}} का भुगतान बाकी है। यहाँ सुरक्षित भुगतान करें: {{link}}',
    },
  },
  waitlist_offer: {
    sms: {
      body: '{{organizationName}}: जिस समय का आप इंतज़ार कर रहे थे, वह खाली है - {{date}}, {{time}}। जो पहले बुक करे, उसे मिलेगा: {{link}}',
    },
    whatsapp: {
      body: '{{organizationName}}: जिस समय का आप इंतज़ार कर रहे थे, वह खाली है — {{date}}, {{time}}, {{clinicianName}} के साथ। जो पहले बुक करेगा, उसे मिलेगा: {{link}}',
    },
    email: {
      subject: '{{organizationName}}: पहले का एक समय खाली है',
      body: '{{organizationName}}: जिस समय का आप इंतज़ार कर रहे थे, वह खाली है — {{date}}, {{time}}, {{clinicianName}} के साथ। जो पहले बुक करेगा, उसे मिलेगा: {{link}}',
    },
  },
  receipt: {
    sms: { body: '{{organizationName}}: {{what}} के लिए {{amount}} प्राप्त हुए। धन्यवाद। रसीद: {{link}}' },
    whatsapp: {
      body: 'नमस्ते {{patientName}}, {{date}} को {{what}} के लिए {{amount}} प्राप्त हुए। धन्यवाद।\n\nआपकी रसीद: {{link}}\n\n{{organizationName}}',
    },
    email: {
      subject: '{{organizationName}}: {{amount}} की रसीद',
      body: 'नमस्ते {{patientName}},\n\n{{date}} को {{what}} के लिए {{amount}} प्राप्त हुए। धन्यवाद।\n\nआपकी रसीद: {{link}}\n\n{{organizationName}}',
    },
  },
  staff_booking_notice: {
    sms: {
      body: '{{patientName}} ने ऑनलाइन अपॉइंटमेंट {{change}}: {{clinicianName}}, {{date}}, {{time}}, {{centreName}}।',
    },
    whatsapp: {
      body: '{{patientName}} ने ऑनलाइन अपॉइंटमेंट {{change}}: {{clinicianName}}, {{date}}, {{time}}, {{centreName}}।',
    },
    email: {
      subject: '{{patientName}} ने ऑनलाइन अपॉइंटमेंट {{change}}',
      body: '{{patientName}} ने ऑनलाइन अपॉइंटमेंट {{change}}: {{clinicianName}}, {{date}}, {{time}}, {{centreName}}।\n\nयह कैलेंडर पर दिख रहा है।',
    },
  },
  staff_invitation: {
    sms: {
      body: '{{organizationName}} ने आपको Carelane पर अपनी टीम में आमंत्रित किया है। {{until}} तक पासवर्ड बनाएँ: {{link}}',
    },
    whatsapp: {
      body: 'नमस्ते {{staffName}}, {{organizationName}} ने आपको Carelane पर अपनी टीम में आमंत्रित किया है।\n\nयहाँ अपना पासवर्ड बनाएँ: {{link}}\n\nयह लिंक एक बार, {{until}} तक काम करेगा।',
    },
    email: {
      subject: '{{organizationName}} ने आपको Carelane पर आमंत्रित किया है',
      body: 'नमस्ते {{staffName}},\n\n{{organizationName}} ने आपको Carelane पर अपनी टीम में आमंत्रित किया है। स्वीकार करने के लिए यह लिंक खोलें और अपना पासवर्ड चुनें:\n\n{{link}}\n\nयह लिंक एक बार, {{until}} तक काम करेगा। अगर आपको इस निमंत्रण की उम्मीद नहीं थी, तो इस ईमेल को अनदेखा करें।',
    },
  },
  password_reset: {
    sms: {
      body: 'अपना {{organizationName}} पासवर्ड बदलने के लिए यह लिंक खोलें। यह एक बार, एक घंटे तक काम करेगा: {{link}}',
    },
    whatsapp: {
      body: 'नमस्ते {{staffName}}, किसी ने आपका {{organizationName}} Carelane पासवर्ड बदलने को कहा है।\n\nनया पासवर्ड यहाँ चुनें: {{link}}\n\nयह लिंक एक बार, एक घंटे तक काम करेगा। अगर यह आप नहीं थे, तो इसे अनदेखा करें।',
    },
    email: {
      subject: 'अपना Carelane पासवर्ड बदलें',
      body: 'नमस्ते {{staffName}},\n\nकिसी ने Carelane पर आपके {{organizationName}} खाते का पासवर्ड बदलने को कहा है। नया पासवर्ड चुनने के लिए यह लिंक खोलें:\n\n{{link}}\n\nयह लिंक एक बार, एक घंटे तक काम करेगा। अगर आपने यह नहीं माँगा, तो इस ईमेल को अनदेखा करें: आपका पासवर्ड वही रहेगा।',
    },
  },
};
