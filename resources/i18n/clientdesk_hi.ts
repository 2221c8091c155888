<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>AddOccasionDialog</name>
    <message>
        <source>Add an occasion</source>
        <translation>अवसर जोड़ें</translation>
    </message>
    <message>
        <source>Every year on this day</source>
        <translation>हर साल इसी दिन</translation>
    </message>
    <message>
        <source>Name in English</source>
        <translation>अंग्रेज़ी में नाम</translation>
    </message>
    <message>
        <source>Name in Hindi</source>
        <translation>हिंदी में नाम</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>तारीख</translation>
    </message>
</context>
<context>
    <name>AdjustDialog</name>
    <message>
        <source>Adjust points</source>
        <translation>पॉइंट बदलें</translation>
    </message>
    <message>
        <source>Why? (required)</source>
        <translation>क्यों? (ज़रूरी)</translation>
    </message>
    <message>
        <source>Points (+ to add, − to take away)</source>
        <translation>पॉइंट (+ जोड़ने के लिए, − घटाने के लिए)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
</context>
<context>
    <name>BackupSettingsPanel</name>
    <message>
        <source>Backups</source>
        <translation>बैकअप</translation>
    </message>
    <message>
        <source>A checked copy is made at every start, before every import, undo or merge, and before a restore. Kept: the last 10 copies, one a day for 7 days, one a week for 4 weeks and one a month for 12 months. A damaged client book is never copied over good backups.</source>
        <translation>हर बार खोलने पर, हर इम्पोर्ट, अनडू या मर्ज से पहले, और बैकअप वापस लाने से पहले एक जाँची हुई कॉपी बनती है। रखी जाती हैं: आख़िरी 10 कॉपी, 7 दिन तक रोज़ की एक, 4 हफ़्ते तक हर हफ़्ते की एक और 12 महीने तक हर महीने की एक। ख़राब ग्राहक बही की कॉपी कभी अच्छे बैकअप की जगह नहीं लेती।</translation>
    </message>
    <message>
        <source>None (choose a USB drive or a folder your cloud drive syncs)</source>
        <translation>कोई नहीं (USB ड्राइव या क्लाउड ड्राइव से जुड़ा फ़ोल्डर चुनें)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>चुनें…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source> days</source>
        <translation> दिन</translation>
    </message>
    <message>
        <source>Save backup settings</source>
        <translation>बैकअप सेटिंग सहेजें</translation>
    </message>
    <message>
        <source>Backups folder</source>
        <translation>बैकअप फ़ोल्डर</translation>
    </message>
    <message>
        <source>Second backup folder</source>
        <translation>दूसरा बैकअप फ़ोल्डर</translation>
    </message>
    <message>
        <source>Warn when it has not been reached for</source>
        <translation>चेतावनी दें जब इतने दिन वहाँ कॉपी न पहुँचे</translation>
    </message>
    <message>
        <source>No second folder: the copies are only on this computer.</source>
        <translation>दूसरा फ़ोल्डर नहीं है: कॉपी सिर्फ़ इसी कंप्यूटर पर हैं।</translation>
    </message>
    <message>
        <source>No copy has reached it yet.</source>
        <translation>अभी तक वहाँ कोई कॉपी नहीं पहुँची।</translation>
    </message>
    <message>
        <source>Last copy there: %1</source>
        <translation>वहाँ आख़िरी कॉपी: %1</translation>
    </message>
    <message>
        <source>The folder %1 cannot be found. Plug in the drive, or choose the folder again.</source>
        <translation>फ़ोल्डर %1 नहीं मिला। ड्राइव लगाएँ, या फ़ोल्डर फिर से चुनें।</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>सहेज लिया।</translation>
    </message>
    <message>
        <source>Saved. Copying a backup there…</source>
        <translation>सहेज लिया। वहाँ बैकअप की कॉपी बन रही है…</translation>
    </message>
    <message>
        <source>Saved. A checked copy is now in the second folder.</source>
        <translation>सहेज लिया। दूसरे फ़ोल्डर में अब एक जाँची हुई कॉपी है।</translation>
    </message>
    <message>
        <source>Saved, but the copy there failed: %1</source>
        <translation>सहेज लिया, पर वहाँ कॉपी नहीं बन पाई: %1</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Backing up and checking the copy…</source>
        <translation>बैकअप बन रहा है और कॉपी जाँची जा रही है…</translation>
    </message>
    <message>
        <source>Backed up and checked: %1 clients in %2</source>
        <translation>बैकअप बना और जाँचा गया: %1 ग्राहक, %2 में</translation>
    </message>
    <message>
        <source>Also copied to the second folder: %1</source>
        <translation>दूसरे फ़ोल्डर में भी कॉपी बनी: %1</translation>
    </message>
    <message>
        <source>The second backup folder %1 could not be used: %2</source>
        <translation>दूसरा बैकअप फ़ोल्डर %1 इस्तेमाल नहीं हो सका: %2</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>बैकअप</translation>
    </message>
    <message>
        <source>The client book is damaged. Use File → Restore from backup…</source>
        <translation>ग्राहक बही ख़राब है। फ़ाइल → बैकअप से वापस लाएँ… चुनें</translation>
    </message>
    <message>
        <source>Your client book is damaged: the computer found a fault inside the file. Your backups were not touched, so the good copies are safe.</source>
        <translation>आपकी ग्राहक बही ख़राब हो गई है: कंप्यूटर को फ़ाइल के अंदर गड़बड़ी मिली। आपके बैकअप को छुआ नहीं गया, इसलिए अच्छी कॉपी सुरक्षित हैं।</translation>
    </message>
    <message>
        <source>Client book damaged</source>
        <translation>ग्राहक बही ख़राब है</translation>
    </message>
    <message>
        <source>No good backup was found. Do not delete anything; ask someone who knows computers to look at the file %1.</source>
        <translation>कोई अच्छा बैकअप नहीं मिला। कुछ भी न मिटाएँ; कंप्यूटर जानने वाले किसी व्यक्ति से फ़ाइल %1 दिखवाएँ।</translation>
    </message>
    <message>
        <source>Restore the newest good backup, made on %1 with %2 clients? Anything entered after that must be entered again. The damaged file is kept as a copy. ClientDesk then starts again.</source>
        <translation>सबसे नया अच्छा बैकअप वापस लाएँ, जो %1 को %2 ग्राहकों के साथ बना था? उसके बाद जो कुछ भी दर्ज किया गया, उसे फिर से दर्ज करना होगा। ख़राब फ़ाइल एक कॉपी के रूप में रखी जाएगी। फिर ClientDesk दोबारा शुरू होगा।</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>बैकअप से वापस लाएँ</translation>
    </message>
    <message>
        <source>The client book is on the shop&apos;s server, which every counter uses. A backup of it is put back by whoever set the server up, with the server&apos;s admin user:

python main.py --db ADDRESS restore BACKUP.dump --yes

This PC&apos;s copies are in %1.</source>
        <translation>ग्राहक बही दुकान के सर्वर पर है, जिसे हर काउंटर इस्तेमाल करता है। उसका बैकअप वही वापस लगाता है जिसने सर्वर लगाया है, सर्वर के एडमिन यूज़र से:

python main.py --db ADDRESS restore BACKUP.dump --yes

इस पीसी की कॉपियाँ %1 में हैं।</translation>
    </message>
    <message>
        <source>Restored the backup %1 (%2 clients).</source>
        <translation>बैकअप %1 वापस लाया गया (%2 ग्राहक)।</translation>
    </message>
    <message>
        <source>ClientDesk cannot open your client book: the file is damaged.</source>
        <translation>ClientDesk आपकी ग्राहक बही नहीं खोल पा रहा: फ़ाइल ख़राब है।</translation>
    </message>
    <message>
        <source>Restore the newest good backup, made on %1 with %2 clients? Anything entered after that must be entered again. The damaged file is kept as a copy.</source>
        <translation>सबसे नया अच्छा बैकअप वापस लाएँ, जो %1 को %2 ग्राहकों के साथ बना था? उसके बाद जो कुछ भी दर्ज किया गया, उसे फिर से दर्ज करना होगा। ख़राब फ़ाइल एक कॉपी के रूप में रखी जाएगी।</translation>
    </message>
    <message numerus="yes">
        <source>No backup has reached the second folder for %n day(s): plug in the drive or check Settings → Backups.</source>
        <translation>
            <numerusform>%n दिन से कोई बैकअप दूसरे फ़ोल्डर में नहीं पहुँचा: ड्राइव लगाएँ या सेटिंग → बैकअप देखें।</numerusform>
            <numerusform>%n दिन से कोई बैकअप दूसरे फ़ोल्डर में नहीं पहुँचा: ड्राइव लगाएँ या सेटिंग → बैकअप देखें।</numerusform>
        </translation>
    </message>
    <message>
        <source>At start</source>
        <translation>खोलते समय</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>हाथ से</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>वापस लाने से पहले</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>इम्पोर्ट से पहले</translation>
    </message>
    <message>
        <source>Before an undo</source>
        <translation>अनडू से पहले</translation>
    </message>
    <message>
        <source>Before a merge</source>
        <translation>मर्ज से पहले</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>अभी जाँचा नहीं गया</translation>
    </message>
    <message>
        <source>changed since its check</source>
        <translation>जाँच के बाद बदला गया</translation>
    </message>
    <message>
        <source>Before an update of ClientDesk</source>
        <translation>ClientDesk के अपडेट से पहले</translation>
    </message>
    <message>
        <source>No: %1</source>
        <translation>नहीं: %1</translation>
    </message>
    <message>
        <source>No: damaged</source>
        <translation>नहीं: ख़राब</translation>
    </message>
    <message>
        <source>No</source>
        <translation>नहीं</translation>
    </message>
</context>
<context>
    <name>BranchCombo</name>
    <message>
        <source>All branches</source>
        <translation>सभी शाखाएँ</translation>
    </message>
    <message>
        <source>(no branch)</source>
        <translation>(कोई शाखा नहीं)</translation>
    </message>
</context>
<context>
    <name>BranchDialog</name>
    <message>
        <source>Clients and interactions: those of the clients who bought at the branch.</source>
        <translation>ग्राहक और बातचीत: सिर्फ़ उन ग्राहकों के, जिन्होंने इस शाखा से ख़रीदारी की है।</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>शाखा</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <source>Save as PNG…</source>
        <translation>PNG के रूप में सहेजें…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>चार्ट सहेजें</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG चित्र (*.png)</translation>
    </message>
    <message>
        <source>The chart could not be saved there.</source>
        <translation>चार्ट वहाँ सहेजा नहीं जा सका।</translation>
    </message>
</context>
<context>
    <name>ClientEditor</name>
    <message>
        <source>Walk-in</source>
        <translation>सीधे दुकान पर</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>किसी के कहने पर</translation>
    </message>
    <message>
        <source>Trade fair</source>
        <translation>व्यापार मेला</translation>
    </message>
    <message>
        <source>Advertisement</source>
        <translation>विज्ञापन</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>ऑनलाइन</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>अन्य</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ईमेल</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>डाक</translation>
    </message>
    <message>
        <source>Counter form</source>
        <translation>काउंटर फ़ॉर्म</translation>
    </message>
    <message>
        <source>Said so in person / by phone</source>
        <translation>खुद या फ़ोन पर बताया</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>इम्पोर्ट किया गया</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>ग्राहक</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>नया ग्राहक</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>विवरण</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>खरीदारी</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>टाइमलाइन</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>जानकारी</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>सहेजें (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>रद्द करें (Esc)</translation>
    </message>
    <message>
        <source>Loyalty card…</source>
        <translation>लॉयल्टी कार्ड…</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>सहमति वापस लें…</translation>
    </message>
    <message>
        <source>Stop all greetings and offers to this client on every channel</source>
        <translation>इस ग्राहक को हर चैनल पर सभी शुभकामनाएँ और ऑफ़र भेजना बंद करें</translation>
    </message>
    <message>
        <source>Other dates and festivals…</source>
        <translation>अन्य तारीखें और त्योहार…</translation>
    </message>
    <message>
        <source>Custom dates (e.g. a child&apos;s birthday) and the festivals this client celebrates</source>
        <translation>अपनी तारीखें (जैसे बच्चे का जन्मदिन) और वे त्योहार जो यह ग्राहक मनाता है</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>पहचान</translation>
    </message>
    <message>
        <source>Full name, in Hindi or English</source>
        <translation>पूरा नाम, हिंदी या अंग्रेज़ी में</translation>
    </message>
    <message>
        <source>Father</source>
        <translation>पिता</translation>
    </message>
    <message>
        <source>Husband</source>
        <translation>पति</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>महिला</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>पुरुष</translation>
    </message>
    <message>
        <source>The name in the other script (Hindi / English letters)</source>
        <translation>दूसरी लिपि में नाम (हिन्दी / अंग्रेज़ी अक्षर)</translation>
    </message>
    <message>
        <source>Father&apos;s / husband&apos;s name in the other script</source>
        <translation>पिता / पति का नाम दूसरी लिपि में</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>सुझाएँ</translation>
    </message>
    <message>
        <source>Fill in both names in the other script by transliteration; check and correct the spelling</source>
        <translation>दोनों नाम दूसरी लिपि में अपने-आप भर दें; वर्तनी जाँचें और ठीक करें</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>संबोधन</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Father&apos;s / husband&apos;s name</source>
        <translation>पिता / पति का नाम</translation>
    </message>
    <message>
        <source>In the other script</source>
        <translation>दूसरी लिपि में</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>लिंग</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>संपर्क</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>डाक का पता</translation>
    </message>
    <message>
        <source>Work address</source>
        <translation>काम का पता</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 अंक</translation>
    </message>
    <message>
        <source>City</source>
        <translation>शहर</translation>
    </message>
    <message>
        <source>State</source>
        <translation>राज्य</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>पिन कोड</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>व्यापार</translation>
    </message>
    <message>
        <source>15 characters, e.g. 27AAPFU0939F1ZV</source>
        <translation>15 अक्षर, जैसे 27AAPFU0939F1ZV</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>व्यापार का नाम</translation>
    </message>
    <message>
        <source>GSTIN</source>
        <translation>GSTIN</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>तारीखें</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>जन्मदिन</translation>
    </message>
    <message>
        <source>Wedding anniversary</source>
        <translation>शादी की सालगिरह</translation>
    </message>
    <message>
        <source>Business founded</source>
        <translation>व्यापार शुरू हुआ</translation>
    </message>
    <message>
        <source>Preferences and consent</source>
        <translation>पसंद और सहमति</translation>
    </message>
    <message>
        <source>phone or name of the client who referred</source>
        <translation>भेजने वाले ग्राहक का फ़ोन या नाम</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>तय नहीं</translation>
    </message>
    <message>
        <source>comma separated, e.g. veg, wholesale</source>
        <translation>कॉमा लगाकर, जैसे veg, wholesale</translation>
    </message>
    <message>
        <source>Language for messages</source>
        <translation>संदेशों की भाषा</translation>
    </message>
    <message>
        <source>Came to us through</source>
        <translation>हमारे पास कैसे आए</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>किसने भेजा</translation>
    </message>
    <message>
        <source>Likelihood to buy</source>
        <translation>खरीदने की संभावना</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>टैग</translation>
    </message>
    <message>
        <source>Agrees to greetings by</source>
        <translation>शुभकामना इनसे भेजने की सहमति</translation>
    </message>
    <message>
        <source>Consent given by a parent or guardian (client under 18)</source>
        <translation>सहमति माता-पिता या अभिभावक ने दी (ग्राहक 18 से कम उम्र का)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>नोट</translation>
    </message>
    <message>
        <source>Name is required.</source>
        <translation>नाम ज़रूरी है।</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>No client found</source>
        <translation>कोई ग्राहक नहीं मिला</translation>
    </message>
    <message>
        <source> (archived)</source>
        <translation> (संग्रहित)</translation>
    </message>
    <message>
        <source>Already a client</source>
        <translation>पहले से ग्राहक है</translation>
    </message>
    <message>
        <source>%1 already belongs to %2.

Open: show that client instead.
Merge: combine both into one client, keeping all history.</source>
        <translation>%1 पहले से %2 का है।

खोलें: उस ग्राहक को दिखाएँ।
जोड़ें: दोनों को एक ग्राहक बनाएँ, पूरा इतिहास रखते हुए।</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>बिना सहेजे बदलाव</translation>
    </message>
    <message>
        <source>Save the changes to this client?</source>
        <translation>इस ग्राहक के बदलाव सहेजें?</translation>
    </message>
</context>
<context>
    <name>ClientInsightsPanel</name>
    <message>
        <source>Group</source>
        <translation>समूह</translation>
    </message>
    <message>
        <source>Likely to buy in 30 days</source>
        <translation>30 दिन में खरीदने की संभावना</translation>
    </message>
    <message>
        <source>Lifetime spend</source>
        <translation>अब तक का कुल खर्च</translation>
    </message>
    <message>
        <source>Average bill</source>
        <translation>औसत बिल</translation>
    </message>
    <message>
        <source>Visits per month</source>
        <translation>महीने में विज़िट</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>सुझाव</translation>
    </message>
    <message>
        <source>Up-sell</source>
        <translation>और बेचें</translation>
    </message>
    <message>
        <source>No bills yet</source>
        <translation>अभी कोई बिल नहीं</translation>
    </message>
</context>
<context>
    <name>ClientListModel</name>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>City</source>
        <translation>शहर</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>आखिरी बार आए</translation>
    </message>
    <message>
        <source>Total spent</source>
        <translation>कुल खर्च</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>टैग</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>संभावित</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>सक्रिय</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>निष्क्रिय</translation>
    </message>
</context>
<context>
    <name>ClientLookup</name>
    <message>
        <source>Scan the card, or type a phone number or name, then Enter</source>
        <translation>कार्ड स्कैन करें, या फ़ोन नंबर या नाम लिखें, फिर Enter</translation>
    </message>
    <message numerus="yes">
        <source>%n people share this number. Pick one with Down and Enter.</source>
        <translation>
            <numerusform>इस नंबर पर %n लोग हैं। नीचे वाले तीर और Enter से एक को चुनें।</numerusform>
            <numerusform>इस नंबर पर %n लोग हैं। नीचे वाले तीर और Enter से एक को चुनें।</numerusform>
        </translation>
    </message>
    <message>
        <source>This card was replaced and is blocked. Ask for the new card.</source>
        <translation>यह कार्ड बदला जा चुका है और बंद है। नया कार्ड माँगें।</translation>
    </message>
    <message>
        <source>This card number has a typing mistake. Scan or type it again.</source>
        <translation>इस कार्ड नंबर में टाइपिंग की गलती है। फिर से स्कैन करें या लिखें।</translation>
    </message>
    <message>
        <source>Nobody found. Type a phone number to add a new client.</source>
        <translation>कोई नहीं मिला। नया ग्राहक जोड़ने के लिए फ़ोन नंबर लिखें।</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n पॉइंट</numerusform>
            <numerusform>%n पॉइंट</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientOccasionsDialog</name>
    <message>
        <source>Occasions of %1</source>
        <translation>%1 के अवसर</translation>
    </message>
    <message>
        <source>What is the day? (e.g. daughter&apos;s birthday)</source>
        <translation>कौन-सा दिन है? (जैसे बेटी का जन्मदिन)</translation>
    </message>
    <message>
        <source>Add date</source>
        <translation>तारीख जोड़ें</translation>
    </message>
    <message>
        <source>Remove date</source>
        <translation>तारीख हटाएँ</translation>
    </message>
    <message>
        <source>Their own dates</source>
        <translation>उनकी अपनी तारीखें</translation>
    </message>
    <message>
        <source>This client has their own list of festivals</source>
        <translation>इस ग्राहक की त्योहारों की अपनी सूची है</translation>
    </message>
    <message>
        <source>Festivals they celebrate</source>
        <translation>वे कौन-से त्योहार मनाते हैं</translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <source>Name or phone of the client</source>
        <translation>ग्राहक का नाम या फ़ोन</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Search by name (Hindi or English), phone, email, business or GSTIN  (Ctrl+F)</source>
        <translation>नाम (हिंदी या अंग्रेज़ी), फ़ोन, ईमेल, व्यापार या GSTIN से खोजें  (Ctrl+F)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>सभी स्थितियाँ</translation>
    </message>
    <message>
        <source>Current clients</source>
        <translation>मौजूदा ग्राहक</translation>
    </message>
    <message>
        <source>Including archived</source>
        <translation>संग्रहित समेत</translation>
    </message>
    <message>
        <source>New client (Ctrl+N)</source>
        <translation>नया ग्राहक (Ctrl+N)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>खोलें</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>संग्रहित करें</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>हटाएँ…</translation>
    </message>
    <message>
        <source>Greet…</source>
        <translation>शुभकामना भेजें…</translation>
    </message>
    <message>
        <source>Write a greeting to the selected clients (or all listed)</source>
        <translation>चुने हुए ग्राहकों (या सूची के सभी) को शुभकामना लिखें</translation>
    </message>
    <message>
        <source>Print loyalty cards…</source>
        <translation>लॉयल्टी कार्ड छापें…</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>सभी टैग</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n ग्राहक</numerusform>
            <numerusform>%n ग्राहक</numerusform>
        </translation>
    </message>
    <message>
        <source>(from a list — clear the search to see all)</source>
        <translation>(एक सूची से — सभी देखने के लिए खोज साफ़ करें)</translation>
    </message>
    <message>
        <source>Delete clients</source>
        <translation>ग्राहक हटाएँ</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n client(s)? %1

Clients with bills keep their bills, because the law asks the shop to keep them for six years: only the amounts, dates and items stay, under a name like &quot;Erased client #12&quot;. Their name, phones, email, addresses, birthday and other dates, notes, tags, business name, GSTIN, messages and consent are erased for good, and their loyalty card stops working. Clients without bills are removed completely.

This cannot be undone.</source>
        <translation>
            <numerusform>%n ग्राहक हटाएँ? %1

जिन ग्राहकों के बिल हैं, उनके बिल रहेंगे, क्योंकि कानून के अनुसार दुकान को बिल छह साल तक रखने होते हैं: सिर्फ़ रकम, तारीख़ और सामान रहेगा, &quot;Erased client #12&quot; जैसे नाम के साथ। उनका नाम, फ़ोन नंबर, ईमेल, पते, जन्मदिन और दूसरी तारीख़ें, नोट, टैग, कारोबार का नाम, GSTIN, संदेश और सहमति हमेशा के लिए मिटा दिए जाएँगे, और उनका लॉयल्टी कार्ड काम करना बंद कर देगा। जिन ग्राहकों का कोई बिल नहीं है, वे पूरी तरह हटा दिए जाएँगे।

यह वापस नहीं हो सकता।</numerusform>
            <numerusform>%n ग्राहक हटाएँ? %1

जिन ग्राहकों के बिल हैं, उनके बिल रहेंगे, क्योंकि कानून के अनुसार दुकान को बिल छह साल तक रखने होते हैं: सिर्फ़ रकम, तारीख़ और सामान रहेगा, &quot;Erased client #12&quot; जैसे नाम के साथ। उनका नाम, फ़ोन नंबर, ईमेल, पते, जन्मदिन और दूसरी तारीख़ें, नोट, टैग, कारोबार का नाम, GSTIN, संदेश और सहमति हमेशा के लिए मिटा दिए जाएँगे, और उनका लॉयल्टी कार्ड काम करना बंद कर देगा। जिन ग्राहकों का कोई बिल नहीं है, वे पूरी तरह हटा दिए जाएँगे।

यह वापस नहीं हो सकता।</numerusform>
        </translation>
    </message>
    <message>
        <source>The shop&apos;s server&apos;s backups still hold these clients as they were: ClientDesk cannot take a client out of them. Delete the older backups once a newer one has been made.</source>
        <translation>दुकान के सर्वर के बैकअप में ये ग्राहक अब भी पहले जैसे हैं: ClientDesk उनमें से किसी ग्राहक को नहीं निकाल सकता। नया बैकअप बन जाने के बाद पुराने बैकअप मिटा दें।</translation>
    </message>
    <message>
        <source>Erase from backups too?</source>
        <translation>बैकअप से भी मिटाएँ?</translation>
    </message>
    <message numerus="yes">
        <source>The %n backup(s) of this desk still hold these clients as they were.

Yes: every backup is rewritten now without their personal details (this can take a few minutes).
No: the backups keep them until those backups age out and are deleted.</source>
        <translation>
            <numerusform>इस डेस्क के %n बैकअप में ये ग्राहक अभी भी पहले जैसे मौजूद हैं।

हाँ: हर बैकअप अभी उनकी निजी जानकारी के बिना दोबारा लिखा जाएगा (इसमें कुछ मिनट लग सकते हैं)।
नहीं: बैकअप में वे तब तक रहेंगे जब तक वे बैकअप पुराने होकर अपने-आप हट नहीं जाते।</numerusform>
            <numerusform>इस डेस्क के %n बैकअप में ये ग्राहक अभी भी पहले जैसे मौजूद हैं।

हाँ: हर बैकअप अभी उनकी निजी जानकारी के बिना दोबारा लिखा जाएगा (इसमें कुछ मिनट लग सकते हैं)।
नहीं: बैकअप में वे तब तक रहेंगे जब तक वे बैकअप पुराने होकर अपने-आप हट नहीं जाते।</numerusform>
        </translation>
    </message>
    <message>
        <source>Erasing from backups…</source>
        <translation>बैकअप से मिटाया जा रहा है…</translation>
    </message>
    <message>
        <source>Erase from backups</source>
        <translation>बैकअप से मिटाएँ</translation>
    </message>
    <message>
        <source>These backups could not be rewritten; delete them by hand:</source>
        <translation>ये बैकअप दोबारा नहीं लिखे जा सके; इन्हें ख़ुद हटा दें:</translation>
    </message>
    <message>
        <source>Done: every backup was rewritten without them and checked.</source>
        <translation>हो गया: हर बैकअप उनकी जानकारी के बिना दोबारा लिखा गया और जाँचा गया।</translation>
    </message>
</context>
<context>
    <name>ComingUpView</name>
    <message>
        <source>Refresh</source>
        <translation>ताज़ा करें</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>तारीख</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>अवसर</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>कौन</translation>
    </message>
    <message>
        <source>Greet them…</source>
        <translation>शुभकामना भेजें…</translation>
    </message>
    <message>
        <source>Open client</source>
        <translation>ग्राहक खोलें</translation>
    </message>
    <message>
        <source>Today (%1)</source>
        <translation>आज (%1)</translation>
    </message>
    <message>
        <source>Next 7 days (%1)</source>
        <translation>अगले 7 दिन (%1)</translation>
    </message>
    <message>
        <source>This month (%1)</source>
        <translation>इस महीने (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) celebrate it</source>
        <translation>
            <numerusform>%n ग्राहक इसे मनाते हैं</numerusform>
            <numerusform>%n ग्राहक इसे मनाते हैं</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n ग्राहक</numerusform>
            <numerusform>%n ग्राहक</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>लोड हो रहा है…</translation>
    </message>
    <message>
        <source>No occasions in this period.</source>
        <translation>इस अवधि में कोई अवसर नहीं।</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n साल</numerusform>
            <numerusform>%n साल</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>A6 postcard</source>
        <translation>A6 पोस्टकार्ड</translation>
    </message>
    <message>
        <source>A5 folded card</source>
        <translation>A5 मुड़ा हुआ कार्ड</translation>
    </message>
    <message>
        <source>on</source>
        <translation>तारीख</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>अवसर</translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation>टेम्पलेट (&amp;T)</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>चैनल</translation>
    </message>
    <message>
        <source>Everyone for this occasion</source>
        <translation>इस अवसर के सभी</translation>
    </message>
    <message>
        <source>From a segment…</source>
        <translation>सेगमेंट से…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>साफ़ करें</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Take the selected clients off the list (Delete)</source>
        <translation>चुने हुए ग्राहकों को सूची से हटाएँ (Delete)</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>किसे भेजें</translation>
    </message>
    <message>
        <source>Add one client:</source>
        <translation>एक ग्राहक जोड़ें:</translation>
    </message>
    <message>
        <source>Prepare messages</source>
        <translation>संदेश तैयार करें</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>To</source>
        <translation>किसे</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>संदेश</translation>
    </message>
    <message>
        <source>Why left out</source>
        <translation>क्यों छोड़ा</translation>
    </message>
    <message>
        <source>Email subject</source>
        <translation>ईमेल का विषय</translation>
    </message>
    <message>
        <source>Choose a message on the left to read or change it.</source>
        <translation>पढ़ने या बदलने के लिए बाईं ओर से संदेश चुनें।</translation>
    </message>
    <message>
        <source>Message (you can change it for this person):</source>
        <translation>संदेश (इस व्यक्ति के लिए बदल सकते हैं):</translation>
    </message>
    <message>
        <source>Make the cards PDF…</source>
        <translation>कार्ड की PDF बनाएँ…</translation>
    </message>
    <message>
        <source>Open in WhatsApp</source>
        <translation>WhatsApp में खोलें</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>टेक्स्ट कॉपी करें</translation>
    </message>
    <message>
        <source>Mark as sent, next</source>
        <translation>भेजा हुआ मानें, अगला</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>छोड़ें</translation>
    </message>
    <message>
        <source>Send by email</source>
        <translation>ईमेल से भेजें</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>असफल फिर भेजें</translation>
    </message>
    <message>
        <source>From a segment</source>
        <translation>सेगमेंट से</translation>
    </message>
    <message>
        <source>Which clients? (for example: spent &gt; 5000, city = Pune)</source>
        <translation>कौन-से ग्राहक? (जैसे: spent &gt; 5000, city = Pune)</translation>
    </message>
    <message>
        <source>Nobody chosen yet.</source>
        <translation>अभी कोई नहीं चुना।</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) chosen</source>
        <translation>
            <numerusform>%n ग्राहक चुने</numerusform>
            <numerusform>%n ग्राहक चुने</numerusform>
        </translation>
    </message>
    <message>
        <source>Greetings</source>
        <translation>शुभकामनाएँ</translation>
    </message>
    <message>
        <source>Choose the recipients first.</source>
        <translation>पहले भेजने वाले ग्राहक चुनें।</translation>
    </message>
    <message>
        <source>Preparing messages</source>
        <translation>संदेश तैयार हो रहे हैं</translation>
    </message>
    <message>
        <source>The shop&apos;s name is not set yet, and every greeting is signed with it.

Write it in Settings → Shop, save, then prepare the messages again.</source>
        <translation>दुकान का नाम अभी तक नहीं लिखा गया है, और हर शुभकामना के अंत में यही नाम आता है।

सेटिंग्स → दुकान में नाम लिखें, सहेजें, फिर संदेश दोबारा तैयार करें।</translation>
    </message>
    <message>
        <source>This message uses the shop&apos;s phone number, which is not set yet.

Write it in Settings → Shop, save, then prepare the messages again.</source>
        <translation>इस संदेश में दुकान का फ़ोन नंबर आता है, जो अभी तक नहीं लिखा गया है।

सेटिंग्स → दुकान में नंबर लिखें, सहेजें, फिर संदेश दोबारा तैयार करें।</translation>
    </message>
    <message>
        <source>The shop&apos;s name and phone number are not set yet, and this message uses them.

Write them in Settings → Shop, save, then prepare the messages again.</source>
        <translation>दुकान का नाम और फ़ोन नंबर अभी तक नहीं लिखे गए हैं, और इस संदेश में दोनों आते हैं।

सेटिंग्स → दुकान में दोनों लिखें, सहेजें, फिर संदेश दोबारा तैयार करें।</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>भेजा</translation>
    </message>
    <message>
        <source>Printed / Saved</source>
        <translation>छपा / सहेजा</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>असफल: %1</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>छोड़ा</translation>
    </message>
    <message>
        <source>Check: %1</source>
        <translation>जाँचें: %1</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>तैयार</translation>
    </message>
    <message>
        <source>Press “Prepare messages” to see each message.</source>
        <translation>हर संदेश देखने के लिए “संदेश तैयार करें” दबाएँ।</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n संदेश</numerusform>
            <numerusform>%n संदेश</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) a look (empty or unknown fields)</source>
        <translation>
            <numerusform>%n को देखना ज़रूरी (खाली या अनजान फ़ील्ड)</numerusform>
            <numerusform>%n को देखना ज़रूरी (खाली या अनजान फ़ील्ड)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sent</source>
        <translation>
            <numerusform>%n भेजे</numerusform>
            <numerusform>%n भेजे</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in the cards PDF</source>
        <translation>
            <numerusform>%n कार्ड की PDF में</numerusform>
            <numerusform>%n कार्ड की PDF में</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>छोड़े गए: %1</translation>
    </message>
    <message>
        <source>Check the messages</source>
        <translation>संदेश जाँचें</translation>
    </message>
    <message>
        <source>%1 message(s) have an empty or unknown field (marked “Check”).
Include them as they are, or leave them out this time?</source>
        <translation>%1 संदेशों में कोई फ़ील्ड खाली या अनजान है (“जाँचें” लिखा है)।
इन्हें ऐसे ही शामिल करें, या इस बार छोड़ दें?</translation>
    </message>
    <message>
        <source>Include them as they are</source>
        <translation>ऐसे ही शामिल करें</translation>
    </message>
    <message>
        <source>Leave them out</source>
        <translation>इन्हें छोड़ दें</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Save the greeting cards</source>
        <translation>शुभकामना कार्ड सहेजें</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) saved in %1</source>
        <translation>
            <numerusform>%n कार्ड यहाँ सहेजे गए: %1</numerusform>
            <numerusform>%n कार्ड यहाँ सहेजे गए: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The cards were saved, but no program opened the PDF. Open it yourself to print it:
%1</source>
        <translation>कार्ड सहेज दिए गए, पर कोई प्रोग्राम PDF नहीं खोल पाया। छापने के लिए इसे खुद खोलें:
%1</translation>
    </message>
    <message>
        <source>No card was made: every message needs a look.</source>
        <translation>कोई कार्ड नहीं बना: हर संदेश को देखना ज़रूरी है।</translation>
    </message>
    <message>
        <source>Making the cards</source>
        <translation>कार्ड बन रहे हैं</translation>
    </message>
    <message>
        <source>Everyone is done.</source>
        <translation>सबका काम हो गया।</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>%2 में से %1: %3</translation>
    </message>
    <message>
        <source>WhatsApp could not be opened. Copy the text instead and send it yourself.</source>
        <translation>WhatsApp नहीं खुल पाया। संदेश कॉपी करें और खुद भेज दें।</translation>
    </message>
    <message>
        <source>Text copied</source>
        <translation>संदेश कॉपी हो गया</translation>
    </message>
    <message>
        <source>%1 sent, %2 failed</source>
        <translation>%1 भेजे, %2 असफल</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>भेज रहे हैं…</translation>
    </message>
    <message>
        <source>Sending emails</source>
        <translation>ईमेल भेज रहे हैं</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>मोबाइल नंबर</translation>
    </message>
    <message>
        <source>Add client</source>
        <translation>ग्राहक जोड़ें</translation>
    </message>
    <message>
        <source>New client:</source>
        <translation>नया ग्राहक:</translation>
    </message>
    <message>
        <source>Open client…</source>
        <translation>ग्राहक खोलें…</translation>
    </message>
    <message>
        <source>Bill amount in ₹, then Enter</source>
        <translation>बिल की रकम ₹ में, फिर Enter</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>ज़रूरी नहीं</translation>
    </message>
    <message>
        <source>optional, e.g. sarees, dupatta</source>
        <translation>ज़रूरी नहीं, जैसे साड़ी, दुपट्टा</translation>
    </message>
    <message>
        <source>Use most points (F4)</source>
        <translation>ज़्यादा से ज़्यादा पॉइंट लगाएँ (F4)</translation>
    </message>
    <message>
        <source>Give the stamp-card reward now</source>
        <translation>स्टैम्प-कार्ड का इनाम अभी दें</translation>
    </message>
    <message>
        <source>Amount (₹)</source>
        <translation>रकम (₹)</translation>
    </message>
    <message>
        <source>Redeem points</source>
        <translation>पॉइंट भुनाएँ</translation>
    </message>
    <message>
        <source>Bill no.</source>
        <translation>बिल नं.</translation>
    </message>
    <message>
        <source>Items / categories</source>
        <translation>सामान / श्रेणी</translation>
    </message>
    <message>
        <source>To collect</source>
        <translation>लेना है</translation>
    </message>
    <message>
        <source>Record bill (Enter)</source>
        <translation>बिल दर्ज करें (Enter)</translation>
    </message>
    <message>
        <source>Undo last (Ctrl+Z)</source>
        <translation>आखिरी वापस लें (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Next customer (Esc)</source>
        <translation>अगला ग्राहक (Esc)</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n पॉइंट</numerusform>
            <numerusform>%n पॉइंट</numerusform>
        </translation>
    </message>
    <message>
        <source>Stamps: %1 of %2</source>
        <translation>स्टैम्प: %2 में से %1</translation>
    </message>
    <message>
        <source>Reward due: %1 × %2</source>
        <translation>इनाम बाकी: %1 × %2</translation>
    </message>
    <message>
        <source>Birthday this week</source>
        <translation>इस हफ़्ते जन्मदिन</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>कार्ड %1</translation>
    </message>
    <message>
        <source>No card yet</source>
        <translation>अभी कोई कार्ड नहीं</translation>
    </message>
    <message>
        <source>%1 points expire within 30 days</source>
        <translation>%1 पॉइंट 30 दिन में खत्म होंगे</translation>
    </message>
    <message>
        <source>%1 more to reach %2</source>
        <translation>%2 तक पहुँचने के लिए %1 और</translation>
    </message>
    <message>
        <source>Not a member yet: joins with this bill</source>
        <translation>अभी सदस्य नहीं: इस बिल से जुड़ेंगे</translation>
    </message>
    <message>
        <source>Suggest: %1 (%2)</source>
        <translation>सुझाव: %1 (%2)</translation>
    </message>
    <message>
        <source>New number: add the client with a name, then Enter.</source>
        <translation>नया नंबर: ग्राहक का नाम लिखकर जोड़ें, फिर Enter।</translation>
    </message>
    <message>
        <source>Client added.</source>
        <translation>ग्राहक जुड़ गया।</translation>
    </message>
    <message>
        <source> of %1 allowed</source>
        <translation> (%1 तक)</translation>
    </message>
    <message>
        <source>Type the bill amount in rupees.</source>
        <translation>बिल की रकम रुपयों में लिखें।</translation>
    </message>
    <message>
        <source>Redeem %1 points? Collect %2.</source>
        <translation>%1 पॉइंट भुनाएँ? %2 लें।</translation>
    </message>
    <message>
        <source>Not recorded. Ready for the next customer.</source>
        <translation>बिल दर्ज नहीं हुआ। अगले ग्राहक के लिए तैयार।</translation>
    </message>
    <message>
        <source>This card already has %1 loyalty transactions today. Record this one too?</source>
        <translation>इस कार्ड पर आज पहले से %1 लॉयल्टी लेन-देन हैं। यह भी दर्ज करें?</translation>
    </message>
    <message>
        <source>Busy card</source>
        <translation>व्यस्त कार्ड</translation>
    </message>
    <message>
        <source>Recorded %1</source>
        <translation>%1 दर्ज किया</translation>
    </message>
    <message>
        <source>%1 points redeemed, collect %2</source>
        <translation>%1 पॉइंट भुनाए, %2 लें</translation>
    </message>
    <message>
        <source>+%1 points</source>
        <translation>+%1 पॉइंट</translation>
    </message>
    <message>
        <source>+%1 bonus</source>
        <translation>+%1 बोनस</translation>
    </message>
    <message>
        <source>balance %1</source>
        <translation>बैलेंस %1</translation>
    </message>
    <message>
        <source>stamp added (%1 of %2)</source>
        <translation>स्टैम्प लगा (%2 में से %1)</translation>
    </message>
    <message>
        <source>reward now due!</source>
        <translation>इनाम अब देना है!</translation>
    </message>
    <message>
        <source>new tier: %1</source>
        <translation>नया टियर: %1</translation>
    </message>
    <message>
        <source>Esc for the next customer.</source>
        <translation>अगले ग्राहक के लिए Esc।</translation>
    </message>
    <message>
        <source>Nothing to undo today.</source>
        <translation>आज वापस लेने को कुछ नहीं।</translation>
    </message>
    <message>
        <source>Undo the last bill: %1 for %2? Its points and stamp are taken back.</source>
        <translation>आखिरी बिल वापस लें: %2 का %1? इसके पॉइंट और स्टैम्प वापस लिए जाएँगे।</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>वापस लें</translation>
    </message>
    <message>
        <source>Undone: %1 for %2.</source>
        <translation>वापस लिया: %2 का %1।</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>Clients</source>
        <translation>ग्राहक</translation>
    </message>
    <message>
        <source>Bought in the last 12 months</source>
        <translation>पिछले 12 महीने में खरीदा</translation>
    </message>
    <message>
        <source>Sales this month</source>
        <translation>इस महीने की बिक्री</translation>
    </message>
    <message>
        <source>Average bill (12 months)</source>
        <translation>औसत बिल (12 महीने)</translation>
    </message>
    <message>
        <source>To win back</source>
        <translation>वापस लाने हैं</translation>
    </message>
    <message>
        <source>Sales and visits by month</source>
        <translation>महीने के हिसाब से बिक्री और विज़िट</translation>
    </message>
    <message>
        <source>New and returning clients by month</source>
        <translation>महीने के हिसाब से नए और लौटे ग्राहक</translation>
    </message>
    <message>
        <source>Clients by RFM group</source>
        <translation>RFM समूह के हिसाब से ग्राहक</translation>
    </message>
    <message>
        <source>Top clients by lifetime spend</source>
        <translation>अब तक के खर्च में सबसे आगे ग्राहक</translation>
    </message>
    <message>
        <source>Most often bought together</source>
        <translation>अक्सर साथ में खरीदे गए</translation>
    </message>
    <message>
        <source>Occasions in the next 14 days</source>
        <translation>अगले 14 दिन के अवसर</translation>
    </message>
    <message>
        <source>Sales (₹)</source>
        <translation>बिक्री (₹)</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>विज़िट</translation>
    </message>
    <message>
        <source>New</source>
        <translation>नए</translation>
    </message>
    <message>
        <source>Returning</source>
        <translation>लौटे</translation>
    </message>
    <message>
        <source>Lifetime spend</source>
        <translation>अब तक का कुल खर्च</translation>
    </message>
    <message>
        <source>Confidence (%)</source>
        <translation>भरोसा (%)</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>जन्मदिन</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>सालगिरह</translation>
    </message>
    <message>
        <source>None in the next 14 days</source>
        <translation>अगले 14 दिन में कोई नहीं</translation>
    </message>
</context>
<context>
    <name>DateDialog</name>
    <message>
        <source>The right date this year:</source>
        <translation>इस साल की सही तारीख:</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>ClientDesk: unexpected error</source>
        <translation>ClientDesk: अचानक गड़बड़ी</translation>
    </message>
    <message>
        <source>Something went wrong inside ClientDesk. Your saved data is safe.
Please send the details below (or the log file) to whoever supports ClientDesk.</source>
        <translation>ClientDesk के अंदर कुछ गड़बड़ हो गई। आपका सहेजा हुआ डेटा सुरक्षित है।
कृपया नीचे का विवरण (या लॉग फ़ाइल) ClientDesk की मदद करने वाले को भेजें।</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>लॉग फ़ाइल: %1</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Export</source>
        <translation>एक्सपोर्ट</translation>
    </message>
    <message>
        <source>%1 %2 written to %3</source>
        <translation>%1 %2 यहाँ लिखे गए: %3</translation>
    </message>
    <message>
        <source>Export %1 selected clients</source>
        <translation>%1 चुने हुए ग्राहक एक्सपोर्ट करें</translation>
    </message>
    <message>
        <source>Export clients</source>
        <translation>ग्राहक एक्सपोर्ट करें</translation>
    </message>
    <message>
        <source>clients</source>
        <translation>ग्राहक</translation>
    </message>
    <message>
        <source>Exporting clients…</source>
        <translation>ग्राहक एक्सपोर्ट हो रहे हैं…</translation>
    </message>
    <message>
        <source>Export purchases</source>
        <translation>खरीदारी एक्सपोर्ट करें</translation>
    </message>
    <message>
        <source>purchase lines</source>
        <translation>खरीदारी की लाइनें</translation>
    </message>
    <message>
        <source>Exporting purchases…</source>
        <translation>खरीदारी एक्सपोर्ट हो रही है…</translation>
    </message>
    <message>
        <source>Export interactions</source>
        <translation>बातचीत एक्सपोर्ट करें</translation>
    </message>
    <message>
        <source>interactions</source>
        <translation>बातचीत</translation>
    </message>
    <message>
        <source>Exporting interactions…</source>
        <translation>बातचीत एक्सपोर्ट हो रही है…</translation>
    </message>
    <message>
        <source>Undo last import</source>
        <translation>आखिरी इम्पोर्ट वापस लें</translation>
    </message>
    <message>
        <source>There is no import to undo.</source>
        <translation>वापस लेने को कोई इम्पोर्ट नहीं है।</translation>
    </message>
    <message>
        <source>Undo the import of %1 from %2?
It created %3 and changed %4 records; they will be removed or put back as they were.</source>
        <translation>%2 से %1 का इम्पोर्ट वापस लें?
इसने %3 बनाए और %4 रिकॉर्ड बदले; उन्हें हटा दिया जाएगा या पहले जैसा कर दिया जाएगा।</translation>
    </message>
    <message>
        <source>Removed %1 clients and %2 bills; restored %3 clients.</source>
        <translation>%1 ग्राहक और %2 बिल हटाए; %3 ग्राहक पहले जैसे किए।</translation>
    </message>
    <message>
        <source>%1 clients were kept because they have bills entered since the import.</source>
        <translation>%1 ग्राहक रखे गए क्योंकि इम्पोर्ट के बाद उनके बिल दर्ज हुए हैं।</translation>
    </message>
    <message>
        <source>Undoing the import…</source>
        <translation>इम्पोर्ट वापस लिया जा रहा है…</translation>
    </message>
</context>
<context>
    <name>FestivalsEditor</name>
    <message>
        <source>Date</source>
        <translation>तारीख</translation>
    </message>
    <message>
        <source>English</source>
        <translation>अंग्रेज़ी</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>हिंदी</translation>
    </message>
    <message>
        <source>From</source>
        <translation>स्रोत</translation>
    </message>
    <message>
        <source>Correct the date…</source>
        <translation>तारीख ठीक करें…</translation>
    </message>
    <message>
        <source>Add an occasion…</source>
        <translation>अवसर जोड़ें…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>साल</translation>
    </message>
    <message>
        <source>Dates come from the calendar for your state (Settings). Islamic dates are estimates; correct a date when your community fixes it.</source>
        <translation>तारीखें आपके राज्य के कैलेंडर से आती हैं (सेटिंग्स)। इस्लामी तारीखें अनुमान हैं; जब आपका समाज तारीख तय करे तो उसे ठीक कर लें।</translation>
    </message>
    <message>
        <source>calendar</source>
        <translation>कैलेंडर</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>नियम</translation>
    </message>
    <message>
        <source>ClientDesk</source>
        <translation>ClientDesk</translation>
    </message>
    <message>
        <source>added by you</source>
        <translation>आपने जोड़ा</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>अनुमानित</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>ठीक किया</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>छिपा हुआ</translation>
    </message>
    <message>
        <source>Show again</source>
        <translation>फिर दिखाएँ</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>छिपाएँ</translation>
    </message>
    <message>
        <source>Correct the date of %1</source>
        <translation>%1 की तारीख ठीक करें</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>फ़ाइल चुनें</translation>
    </message>
    <message>
        <source>An Excel sheet (.xlsx, .xls, .ods), a CSV or text file, the phone&apos;s contacts (.vcf) or a Google Contacts CSV.</source>
        <translation>Excel शीट (.xlsx, .xls, .ods), CSV या टेक्स्ट फ़ाइल, फ़ोन के कॉन्टैक्ट (.vcf) या Google Contacts की CSV।</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>इम्पोर्ट करने की फ़ाइल</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>ब्राउज़ करें (&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Clients (a client list or phone contacts)</source>
        <translation>ग्राहक (ग्राहकों की सूची या फ़ोन के कॉन्टैक्ट) (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Sales register (bills with items)</source>
        <translation>बिक्री रजिस्टर (सामान के साथ बिल) (&amp;S)</translation>
    </message>
    <message>
        <source>What does the file hold?</source>
        <translation>फ़ाइल में क्या है?</translation>
    </message>
</context>
<context>
    <name>GreetingSettingsPanel</name>
    <message>
        <source>All India (national dates)</source>
        <translation>पूरा भारत (राष्ट्रीय तारीखें)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>चुनें…</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (पोर्ट 587)</translation>
    </message>
    <message>
        <source>SSL/TLS (port 465)</source>
        <translation>SSL/TLS (पोर्ट 465)</translation>
    </message>
    <message>
        <source>None (local server only)</source>
        <translation>कोई नहीं (सिर्फ़ लोकल सर्वर)</translation>
    </message>
    <message>
        <source>same as the user name</source>
        <translation>यूज़र नेम जैसा ही</translation>
    </message>
    <message>
        <source>Save greeting settings</source>
        <translation>शुभकामना सेटिंग्स सहेजें</translation>
    </message>
    <message>
        <source>Festivals</source>
        <translation>त्योहार</translation>
    </message>
    <message>
        <source>Shop&apos;s state</source>
        <translation>दुकान का राज्य</translation>
    </message>
    <message>
        <source>Festivals greeted unless a client has their own list:</source>
        <translation>जिन त्योहारों पर शुभकामना भेजें (जब तक ग्राहक की अपनी सूची न हो):</translation>
    </message>
    <message>
        <source>Never too often</source>
        <translation>बहुत बार नहीं</translation>
    </message>
    <message>
        <source>At most, in 7 days</source>
        <translation>7 दिन में ज़्यादा से ज़्यादा</translation>
    </message>
    <message>
        <source>At most, in 30 days</source>
        <translation>30 दिन में ज़्यादा से ज़्यादा</translation>
    </message>
    <message>
        <source>The same occasion is never greeted twice in a year; clients under 18 only with a guardian&apos;s consent.</source>
        <translation>एक ही अवसर पर साल में दो बार शुभकामना नहीं जाती; 18 से कम उम्र के ग्राहकों को सिर्फ़ अभिभावक की सहमति से।</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>कार्ड</translation>
    </message>
    <message>
        <source>Shop logo (image)</source>
        <translation>दुकान का लोगो (चित्र)</translation>
    </message>
    <message>
        <source>Email (SMTP)</source>
        <translation>ईमेल (SMTP)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>सर्वर</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>पोर्ट</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>सुरक्षा</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>यूज़र नेम</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>भेजने वाले का पता</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>पासवर्ड</translation>
    </message>
    <message>
        <source>The password is kept in the system keyring.</source>
        <translation>पासवर्ड सिस्टम कीरिंग में रखा है।</translation>
    </message>
    <message>
        <source>Type the password to keep it in the system keyring.</source>
        <translation>पासवर्ड सिस्टम कीरिंग में रखने के लिए उसे लिखें।</translation>
    </message>
    <message>
        <source>No system keyring here: ClientDesk asks for the password once each session and never stores it.</source>
        <translation>यहाँ सिस्टम कीरिंग नहीं है: ClientDesk हर बार खुलने पर एक बार पासवर्ड पूछता है और उसे कभी सहेजता नहीं।</translation>
    </message>
    <message>
        <source>Shop logo</source>
        <translation>दुकान का लोगो</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>चित्र (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>There is no system keyring: the password was not stored. You will be asked for it when sending.</source>
        <translation>सिस्टम कीरिंग नहीं है: पासवर्ड नहीं रखा गया। भेजते समय आपसे पूछा जाएगा।</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>सहेज दिया।</translation>
    </message>
</context>
<context>
    <name>Greetings</name>
    <message>
        <source>Email password</source>
        <translation>ईमेल पासवर्ड</translation>
    </message>
    <message>
        <source>Password for %1 (kept for this session only):</source>
        <translation>%1 का पासवर्ड (सिर्फ़ इस बार के लिए रखा जाएगा):</translation>
    </message>
    <message>
        <source>Any message</source>
        <translation>कोई भी संदेश</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>जन्मदिन</translation>
    </message>
    <message>
        <source>Wedding anniversary</source>
        <translation>शादी की सालगिरह</translation>
    </message>
    <message>
        <source>Founding day</source>
        <translation>स्थापना दिवस</translation>
    </message>
    <message>
        <source>Years with us</source>
        <translation>हमारे साथ साल</translation>
    </message>
    <message>
        <source>Client&apos;s own date</source>
        <translation>ग्राहक की अपनी तारीख</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>त्योहार</translation>
    </message>
    <message>
        <source>Print cards</source>
        <translation>कार्ड छापें</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ईमेल</translation>
    </message>
    <message>
        <source>Copy text (SMS or other)</source>
        <translation>टेक्स्ट कॉपी करें (SMS या अन्य)</translation>
    </message>
    <message>
        <source>No such client</source>
        <translation>ऐसा कोई ग्राहक नहीं</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>संग्रहित</translation>
    </message>
    <message>
        <source>Personal data erased</source>
        <translation>निजी जानकारी मिटाई गई</translation>
    </message>
    <message>
        <source>This occasion is not theirs on this day</source>
        <translation>इस दिन यह अवसर इनका नहीं है</translation>
    </message>
    <message>
        <source>Does not celebrate this festival</source>
        <translation>यह त्योहार नहीं मनाते</translation>
    </message>
    <message>
        <source>No consent for this channel</source>
        <translation>इस चैनल के लिए सहमति नहीं</translation>
    </message>
    <message>
        <source>Under 18, no guardian&apos;s consent</source>
        <translation>18 से कम, अभिभावक की सहमति नहीं</translation>
    </message>
    <message>
        <source>No mobile number</source>
        <translation>मोबाइल नंबर नहीं</translation>
    </message>
    <message>
        <source>No email address</source>
        <translation>ईमेल पता नहीं</translation>
    </message>
    <message>
        <source>Already greeted for this occasion this year</source>
        <translation>इस साल इस अवसर पर शुभकामना जा चुकी</translation>
    </message>
    <message>
        <source>Greeted in the last 7 days</source>
        <translation>पिछले 7 दिन में शुभकामना भेजी</translation>
    </message>
    <message>
        <source>Greeted often in the last 30 days</source>
        <translation>पिछले 30 दिन में कई बार शुभकामना भेजी</translation>
    </message>
    <message>
        <source>Empty field: %1</source>
        <translation>खाली फ़ील्ड: %1</translation>
    </message>
    <message>
        <source>Unknown field: %1</source>
        <translation>अनजान फ़ील्ड: %1</translation>
    </message>
    <message>
        <source>Sending failed: %1</source>
        <translation>भेजना असफल: %1</translation>
    </message>
    <message>
        <source>Honorific (Shri, Smt. …)</source>
        <translation>संबोधन (श्री, श्रीमती …)</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>पूरा नाम</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>पहला नाम</translation>
    </message>
    <message>
        <source>Father&apos;s / husband&apos;s name</source>
        <translation>पिता / पति का नाम</translation>
    </message>
    <message>
        <source>S/o, D/o or W/o line</source>
        <translation>पुत्र/पुत्री/पत्नी वाली लाइन</translation>
    </message>
    <message>
        <source>Client&apos;s business</source>
        <translation>ग्राहक का व्यापार</translation>
    </message>
    <message>
        <source>City</source>
        <translation>शहर</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>दुकान का नाम</translation>
    </message>
    <message>
        <source>Shop phone</source>
        <translation>दुकान का फ़ोन</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>अवसर</translation>
    </message>
    <message>
        <source>Date of the occasion</source>
        <translation>अवसर की तारीख</translation>
    </message>
    <message>
        <source>Years (married, in business)</source>
        <translation>साल (शादी के, व्यापार के)</translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation>लॉयल्टी पॉइंट</translation>
    </message>
    <message>
        <source>Loyalty tier</source>
        <translation>लॉयल्टी टियर</translation>
    </message>
    <message>
        <source>Reward due</source>
        <translation>इनाम बाकी</translation>
    </message>
    <message>
        <source>Special day</source>
        <translation>विशेष दिन</translation>
    </message>
    <message>
        <source>Diwali</source>
        <translation>दीपावली</translation>
    </message>
    <message>
        <source>Holi</source>
        <translation>होली</translation>
    </message>
    <message>
        <source>Eid</source>
        <translation>ईद</translation>
    </message>
    <message>
        <source>Christmas</source>
        <translation>क्रिसमस</translation>
    </message>
    <message>
        <source>New Year</source>
        <translation>नया साल</translation>
    </message>
    <message>
        <source>Thank you (points)</source>
        <translation>धन्यवाद (पॉइंट)</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>सहमति वापस लें</translation>
    </message>
    <message>
        <source>Stop all greetings and offers to %1 on every channel?
Bills and receipts are not affected.</source>
        <translation>%1 को हर चैनल पर सभी शुभकामनाएँ और ऑफ़र भेजना बंद करें?
बिल और रसीदों पर असर नहीं पड़ेगा।</translation>
    </message>
    <message>
        <source>Withdrawn at the client&apos;s request</source>
        <translation>ग्राहक के कहने पर वापस ली गई</translation>
    </message>
    <message>
        <source>%1 will receive no more greetings. The withdrawal is recorded.</source>
        <translation>%1 को अब कोई शुभकामना नहीं जाएगी। सहमति वापसी दर्ज हो गई है।</translation>
    </message>
</context>
<context>
    <name>GreetingsPage</name>
    <message>
        <source>Coming up</source>
        <translation>आने वाले</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>लिखें</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>टेम्पलेट</translation>
    </message>
    <message>
        <source>Festivals</source>
        <translation>त्योहार</translation>
    </message>
</context>
<context>
    <name>HistoryTabs</name>
    <message>
        <source>Visit</source>
        <translation>दुकान पर आए</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>फ़ोन कॉल</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ईमेल</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>चिट्ठी</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>सोशल मीडिया</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>अन्य</translation>
    </message>
    <message>
        <source>From the client</source>
        <translation>ग्राहक की ओर से</translation>
    </message>
    <message>
        <source>From the shop</source>
        <translation>दुकान की ओर से</translation>
    </message>
</context>
<context>
    <name>HouseholdQuestion</name>
    <message>
        <source>This number is taken</source>
        <translation>यह नंबर पहले से दर्ज है</translation>
    </message>
    <message>
        <source>%1 already belongs to %2.</source>
        <translation>%1 नंबर पहले से %2 का है।</translation>
    </message>
    <message>
        <source>If this is someone else in the same family who uses this phone, add them as a family member: each keeps their own points. If it is the same person, open or merge.</source>
        <translation>अगर यह उसी परिवार का कोई दूसरा व्यक्ति है जो यही फ़ोन चलाता है, तो इन्हें परिवार के सदस्य के रूप में जोड़ें: हर किसी के पॉइंट अलग रहेंगे। अगर यह वही व्यक्ति है, तो खोलें या दोनों को एक करें।</translation>
    </message>
    <message>
        <source>Add as a family member of %1</source>
        <translation>%1 के परिवार के सदस्य के रूप में जोड़ें</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 को खोलें</translation>
    </message>
    <message>
        <source>Same person: merge into one</source>
        <translation>वही व्यक्ति है: एक में मिलाएँ</translation>
    </message>
    <message>
        <source>Same person: merge the two</source>
        <translation>वही व्यक्ति है: दोनों को एक करें</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>पहला नाम</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>बीच का नाम</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>उपनाम</translation>
    </message>
    <message>
        <source>Title (Shri, Smt.)</source>
        <translation>संबोधन (श्री, श्रीमती)</translation>
    </message>
    <message>
        <source>Father&apos;s / husband&apos;s name</source>
        <translation>पिता / पति का नाम</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ईमेल</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>व्यापार</translation>
    </message>
    <message>
        <source>GSTIN</source>
        <translation>GSTIN</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>पता</translation>
    </message>
    <message>
        <source>City</source>
        <translation>शहर</translation>
    </message>
    <message>
        <source>State</source>
        <translation>राज्य</translation>
    </message>
    <message>
        <source>PIN code</source>
        <translation>पिन कोड</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>जन्मदिन</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>सालगिरह</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>टैग</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>नोट</translation>
    </message>
    <message>
        <source>Opening loyalty points</source>
        <translation>शुरुआती लॉयल्टी पॉइंट</translation>
    </message>
    <message>
        <source>Bill no.</source>
        <translation>बिल नं.</translation>
    </message>
    <message>
        <source>Bill date</source>
        <translation>बिल की तारीख</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>सामान</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>श्रेणी</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>मात्रा</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>रेट</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>रकम</translation>
    </message>
    <message>
        <source>File</source>
        <translation>फ़ाइल</translation>
    </message>
</context>
<context>
    <name>ImportProblems</name>
    <message>
        <source>A quotation mark (&quot;) is left open here; the lines after it were read as rows of their own. Check this row.</source>
        <translation>यहाँ एक उद्धरण चिह्न (&quot;) खुला रह गया है; उसके बाद की पंक्तियाँ अलग-अलग पंक्तियों के रूप में पढ़ी गईं। यह पंक्ति जाँच लें।</translation>
    </message>
    <message>
        <source>This line was saved differently from the rest of the file; check its letters.</source>
        <translation>यह पंक्ति बाकी फ़ाइल से अलग तरीके से सहेजी गई थी; इसके अक्षर जाँच लें।</translation>
    </message>
    <message>
        <source>Damaged characters were taken out of this row.</source>
        <translation>इस पंक्ति से खराब अक्षर हटा दिए गए।</translation>
    </message>
    <message>
        <source>A cell was too long; only its first 32,767 letters were kept.</source>
        <translation>एक खाना बहुत लंबा था; उसके सिर्फ़ पहले 32,767 अक्षर रखे गए।</translation>
    </message>
    <message>
        <source>Longer than a client&apos;s card keeps; left out.</source>
        <translation>ग्राहक के कार्ड में जितना आता है उससे लंबा; छोड़ दिया गया।</translation>
    </message>
    <message>
        <source>A formula cell has no saved result, so it was read as empty. Open the file in Excel, save it and import it again.</source>
        <translation>फ़ॉर्मूले वाले एक खाने का नतीजा सहेजा नहीं गया था, इसलिए वह खाली पढ़ा गया। फ़ाइल को Excel में खोलकर सहेजें और फिर से इम्पोर्ट करें।</translation>
    </message>
    <message>
        <source>Merged cells: their value was used for every row they cover.</source>
        <translation>जुड़े हुए खाने: उनका मान उन सभी पंक्तियों के लिए लिया गया जिन पर वे फैले हैं।</translation>
    </message>
    <message>
        <source>Part of this contact is damaged in the file; check it.</source>
        <translation>फ़ाइल में इस संपर्क का कुछ हिस्सा खराब है; इसे जाँच लें।</translation>
    </message>
    <message>
        <source>This contact has no end mark in the file; check it.</source>
        <translation>फ़ाइल में इस संपर्क के अंत का निशान नहीं है; इसे जाँच लें।</translation>
    </message>
    <message>
        <source>This number is far too large.</source>
        <translation>यह संख्या बहुत ज़्यादा बड़ी है।</translation>
    </message>
    <message>
        <source>A totals row at the end of the sheet: skipped, not imported.</source>
        <translation>शीट के आख़िर में जोड़ वाली लाइन: छोड़ दी गई, इम्पोर्ट नहीं हुई।</translation>
    </message>
    <message>
        <source>Several people of one family share this number; give the name to tell which.</source>
        <translation>इस नंबर पर एक परिवार के कई लोग हैं; कौन है, यह बताने के लिए नाम लिखें।</translation>
    </message>
    <message>
        <source>Another counter gave this number to the same person while the import ran; left out. Import the error report again to add this row&apos;s details to that client.</source>
        <translation>इम्पोर्ट चलते समय किसी दूसरे काउंटर ने यह नंबर इसी व्यक्ति को दे दिया; यह पंक्ति छोड़ दी गई। इस पंक्ति का ब्योरा उस ग्राहक में जोड़ने के लिए त्रुटि रिपोर्ट फिर से इम्पोर्ट करें।</translation>
    </message>
</context>
<context>
    <name>ImportStatus</name>
    <message>
        <source>New</source>
        <translation>नया</translation>
    </message>
    <message>
        <source>New family member</source>
        <translation>परिवार का नया सदस्य</translation>
    </message>
    <message>
        <source>Updates a client</source>
        <translation>ग्राहक बदलेगा</translation>
    </message>
    <message>
        <source>Already there</source>
        <translation>पहले से है</translation>
    </message>
    <message>
        <source>Skipped (match)</source>
        <translation>छोड़ा (मिलता-जुलता)</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>इम्पोर्ट नहीं हुआ</translation>
    </message>
    <message>
        <source>Blank row</source>
        <translation>खाली लाइन</translation>
    </message>
    <message>
        <source>Totals row</source>
        <translation>जोड़ वाली लाइन</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>%1: new family member on %2&apos;s number %3</source>
        <translation>%1: %2 के नंबर %3 पर परिवार का नया सदस्य</translation>
    </message>
    <message>
        <source>Choose a file to import</source>
        <translation>इम्पोर्ट करने के लिए फ़ाइल चुनें</translation>
    </message>
    <message>
        <source>Sheets and contacts</source>
        <translation>शीट और कॉन्टैक्ट</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>सभी फ़ाइलें</translation>
    </message>
    <message>
        <source>Import clients or a sales register</source>
        <translation>ग्राहक या बिक्री रजिस्टर इम्पोर्ट करें</translation>
    </message>
</context>
<context>
    <name>Insights</name>
    <message>
        <source>Champions</source>
        <translation>चैंपियन</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>वफ़ादार</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>उभरते</translation>
    </message>
    <message>
        <source>New</source>
        <translation>नए</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>खतरे में</translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation>सुस्त</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>खोए हुए</translation>
    </message>
    <message>
        <source>Came recently, come often and spend the most. Thank them; they are the first to hear of new stock.</source>
        <translation>हाल में आए, बार-बार आते हैं और सबसे ज़्यादा खर्च करते हैं। इन्हें धन्यवाद दें; नया माल आने की खबर सबसे पहले इन्हें दें।</translation>
    </message>
    <message>
        <source>Regular clients who spend well. Keep them happy with loyalty rewards.</source>
        <translation>नियमित ग्राहक जो अच्छा खर्च करते हैं। लॉयल्टी इनाम से इन्हें खुश रखें।</translation>
    </message>
    <message>
        <source>Came recently but buy little or seldom. A suggestion at the counter can grow them.</source>
        <translation>हाल में आए पर कम या कभी-कभी खरीदते हैं। काउंटर पर एक सुझाव इन्हें बढ़ा सकता है।</translation>
    </message>
    <message>
        <source>Their first visit was recent. Welcome them so they come back.</source>
        <translation>इनका पहला आना हाल ही में हुआ। इनका स्वागत करें ताकि ये फिर आएँ।</translation>
    </message>
    <message>
        <source>Used to come often and spend well, but not lately. Call or send a greeting before they go elsewhere.</source>
        <translation>पहले अक्सर आते थे और अच्छा खर्च करते थे, पर हाल में नहीं। कहीं और जाने से पहले फ़ोन करें या शुभकामना भेजें।</translation>
    </message>
    <message>
        <source>Small, infrequent buyers who have not come for a while.</source>
        <translation>छोटे, कभी-कभार खरीदने वाले जो काफ़ी समय से नहीं आए।</translation>
    </message>
    <message>
        <source>Have not come for the longest time and bought little. An offer may bring a few back.</source>
        <translation>सबसे लंबे समय से नहीं आए और कम खरीदा। कोई ऑफ़र कुछ को वापस ला सकता है।</translation>
    </message>
    <message>
        <source>%1% of those who buy %2 also buy %3</source>
        <translation>जो %2 खरीदते हैं उनमें से %1% %3 भी खरीदते हैं</translation>
    </message>
    <message>
        <source>%1 more to %2</source>
        <translation>%2 तक %1 और</translation>
    </message>
    <message>
        <source>Spending more: %1 in the last 90 days, %2 in the 90 days before</source>
        <translation>ज़्यादा खर्च: पिछले 90 दिन में %1, उससे पहले के 90 दिन में %2</translation>
    </message>
    <message>
        <source>Coming more often: %1 visits in the last 90 days, %2 before</source>
        <translation>ज़्यादा बार आ रहे हैं: पिछले 90 दिन में %1 बार, पहले %2</translation>
    </message>
    <message>
        <source>Bought %1 %2 times lately; the shop sells %3</source>
        <translation>हाल में %1 %2 बार खरीदा; दुकान में %3 भी मिलता है</translation>
    </message>
    <message>
        <source>%1% (from purchases)</source>
        <translation>%1% (खरीदारी से)</translation>
    </message>
    <message>
        <source>%1% (set by hand)</source>
        <translation>%1% (हाथ से तय)</translation>
    </message>
</context>
<context>
    <name>InsightsPage</name>
    <message>
        <source>Refresh insights (F5)</source>
        <translation>जानकारी ताज़ा करें (F5)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Branch:</source>
        <translation>शाखा:</translation>
    </message>
    <message>
        <source>Client groups, pairs and win-back count every branch.</source>
        <translation>RFM समूह, साथ में खरीदे और वापस लाएँ: सभी शाखाओं के हिसाब से।</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>डैशबोर्ड</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>सेगमेंट</translation>
    </message>
    <message>
        <source>Client value</source>
        <translation>ग्राहक की कीमत</translation>
    </message>
    <message>
        <source>Bought together</source>
        <translation>साथ में खरीदे</translation>
    </message>
    <message>
        <source>Up-sell</source>
        <translation>और बेचें</translation>
    </message>
    <message>
        <source>Win-back</source>
        <translation>वापस लाएँ</translation>
    </message>
    <message>
        <source>Refreshing insights…</source>
        <translation>जानकारी ताज़ा हो रही है…</translation>
    </message>
    <message>
        <source>Refreshing insights</source>
        <translation>जानकारी ताज़ा हो रही है</translation>
    </message>
    <message>
        <source>No insights yet: press Refresh.</source>
        <translation>अभी कोई जानकारी नहीं: ताज़ा करें दबाएँ।</translation>
    </message>
    <message>
        <source>Figures as of %1 (took %2 s)</source>
        <translation>%1 तक के आँकड़े (%2 सेकंड लगे)</translation>
    </message>
</context>
<context>
    <name>InteractionDialog</name>
    <message>
        <source>Log interaction</source>
        <translation>बातचीत दर्ज करें</translation>
    </message>
    <message>
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <source>How</source>
        <translation>कैसे</translation>
    </message>
    <message>
        <source>Who started</source>
        <translation>किसने शुरू की</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>सार</translation>
    </message>
</context>
<context>
    <name>InteractionsTab</name>
    <message>
        <source>Log interaction…</source>
        <translation>बातचीत दर्ज करें…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <source>How</source>
        <translation>कैसे</translation>
    </message>
    <message>
        <source>Who started</source>
        <translation>किसने शुरू की</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>सार</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>रद्द हो रहा है…</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <source>Earned</source>
        <translation>कमाए</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>भुनाए</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>खत्म हुए</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>बोनस</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>बदलाव</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>उलटा</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>शुरुआती बैलेंस</translation>
    </message>
    <message>
        <source>Sign-up bonus</source>
        <translation>जुड़ने का बोनस</translation>
    </message>
    <message>
        <source>Birthday bonus</source>
        <translation>जन्मदिन बोनस</translation>
    </message>
    <message>
        <source>Counter sale undone</source>
        <translation>काउंटर बिक्री वापस ली</translation>
    </message>
    <message>
        <source>Bill returned</source>
        <translation>बिल वापस हुआ</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>तारीख</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>एंट्री</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>पॉइंट</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>बैलेंस</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>खत्म होंगे</translation>
    </message>
    <message>
        <source>Bill / reason</source>
        <translation>बिल / कारण</translation>
    </message>
    <message>
        <source>Bill %1 of %2</source>
        <translation>बिल %1 (%2)</translation>
    </message>
    <message>
        <source>Bill of %2</source>
        <translation>%2 का बिल</translation>
    </message>
    <message>
        <source>Bill %1</source>
        <translation>बिल %1</translation>
    </message>
</context>
<context>
    <name>LoyaltyPage</name>
    <message>
        <source>Print this card…</source>
        <translation>यह कार्ड छापें…</translation>
    </message>
    <message>
        <source>Save card as PDF…</source>
        <translation>कार्ड PDF में सहेजें…</translation>
    </message>
    <message>
        <source>Issue card</source>
        <translation>कार्ड जारी करें</translation>
    </message>
    <message>
        <source>Replace lost card</source>
        <translation>खोया कार्ड बदलें</translation>
    </message>
    <message>
        <source>Adjust points…</source>
        <translation>पॉइंट बदलें…</translation>
    </message>
    <message>
        <source>Open client…</source>
        <translation>ग्राहक खोलें…</translation>
    </message>
    <message>
        <source>Print all new cards…</source>
        <translation>सभी नए कार्ड छापें…</translation>
    </message>
    <message>
        <source>Nobody has the number %1.</source>
        <translation>नंबर %1 किसी का नहीं है।</translation>
    </message>
    <message>
        <source>Tier: %1</source>
        <translation>टियर: %1</translation>
    </message>
    <message>
        <source>Balance: %1 points</source>
        <translation>बैलेंस: %1 पॉइंट</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>कार्ड %1</translation>
    </message>
    <message>
        <source>No card yet</source>
        <translation>अभी कोई कार्ड नहीं</translation>
    </message>
    <message>
        <source>%1 points expire within 30 days</source>
        <translation>%1 पॉइंट 30 दिन में खत्म होंगे</translation>
    </message>
    <message>
        <source>No points expire within 30 days</source>
        <translation>30 दिन में कोई पॉइंट खत्म नहीं होगा</translation>
    </message>
    <message>
        <source>%1 more to reach %2</source>
        <translation>%2 तक पहुँचने के लिए %1 और</translation>
    </message>
    <message>
        <source>Reward due: %1 × %2</source>
        <translation>इनाम बाकी: %1 × %2</translation>
    </message>
    <message>
        <source>Stamps: %1 of %2</source>
        <translation>स्टैम्प: %2 में से %1</translation>
    </message>
    <message>
        <source>Find a client to see their loyalty card.</source>
        <translation>लॉयल्टी कार्ड देखने के लिए ग्राहक खोजें।</translation>
    </message>
    <message>
        <source>Issue a loyalty card to this client? They join the loyalty programme and the card number is theirs from now on.</source>
        <translation>इस ग्राहक को लॉयल्टी कार्ड दें? वे लॉयल्टी योजना में जुड़ जाएँगे और यह कार्ड नंबर अब से उनका होगा।</translation>
    </message>
    <message>
        <source>Block the old card and issue a new number? The points stay with the client.</source>
        <translation>पुराना कार्ड बंद करके नया नंबर दें? पॉइंट ग्राहक के पास ही रहेंगे।</translation>
    </message>
    <message>
        <source>Replace card</source>
        <translation>कार्ड बदलें</translation>
    </message>
    <message>
        <source>Preparing cards</source>
        <translation>कार्ड तैयार हो रहे हैं</translation>
    </message>
    <message>
        <source>Save card</source>
        <translation>कार्ड सहेजें</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>कार्ड</translation>
    </message>
    <message>
        <source>Every card has been printed.</source>
        <translation>हर कार्ड छप चुका है।</translation>
    </message>
    <message>
        <source>Save cards</source>
        <translation>कार्ड सहेजें</translation>
    </message>
</context>
<context>
    <name>LoyaltySettingsPanel</name>
    <message>
        <source>never</source>
        <translation>कभी नहीं</translation>
    </message>
    <message>
        <source>no stamp card</source>
        <translation>कोई स्टैम्प कार्ड नहीं</translation>
    </message>
    <message>
        <source>Issue a card number at the first bill</source>
        <translation>पहले बिल पर कार्ड नंबर दें</translation>
    </message>
    <message>
        <source>Tier name</source>
        <translation>टियर का नाम</translation>
    </message>
    <message>
        <source>From 12-month spend (₹)</source>
        <translation>12 महीने के खर्च से (₹)</translation>
    </message>
    <message>
        <source>Points ×</source>
        <translation>पॉइंट ×</translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation>टियर जोड़ें</translation>
    </message>
    <message>
        <source>Remove top tier</source>
        <translation>सबसे ऊपर का टियर हटाएँ</translation>
    </message>
    <message>
        <source>Changing these rules never changes points already earned: each entry keeps the expiry date and the value per point it was earned with.</source>
        <translation>इन नियमों को बदलने से पहले कमाए पॉइंट कभी नहीं बदलते: हर एंट्री की खत्म होने की तारीख और प्रति पॉइंट कीमत वही रहती है जिससे वह कमाई गई थी।</translation>
    </message>
    <message>
        <source>Save loyalty rules</source>
        <translation>लॉयल्टी नियम सहेजें</translation>
    </message>
    <message>
        <source>Earning</source>
        <translation>कमाना</translation>
    </message>
    <message>
        <source>1 point for every</source>
        <translation>1 पॉइंट, हर इतने पर</translation>
    </message>
    <message>
        <source>Smallest bill that earns points</source>
        <translation>पॉइंट पाने के लिए सबसे छोटा बिल</translation>
    </message>
    <message>
        <source>Points expire after (days)</source>
        <translation>पॉइंट इतने दिन बाद खत्म</translation>
    </message>
    <message>
        <source>Sign-up bonus (points)</source>
        <translation>जुड़ने का बोनस (पॉइंट)</translation>
    </message>
    <message>
        <source>Birthday bonus (points, once a year in the birthday week)</source>
        <translation>जन्मदिन बोनस (पॉइंट, साल में एक बार जन्मदिन वाले हफ़्ते में)</translation>
    </message>
    <message>
        <source>Redeeming</source>
        <translation>भुनाना</translation>
    </message>
    <message>
        <source>Value of 1 point</source>
        <translation>1 पॉइंट की कीमत</translation>
    </message>
    <message>
        <source>Fewest points to redeem</source>
        <translation>भुनाने के लिए कम से कम पॉइंट</translation>
    </message>
    <message>
        <source>Most of a bill paid with points</source>
        <translation>बिल का ज़्यादा से ज़्यादा हिस्सा पॉइंट से</translation>
    </message>
    <message>
        <source>Stamp card</source>
        <translation>स्टैम्प कार्ड</translation>
    </message>
    <message>
        <source>Stamps for a reward</source>
        <translation>इनाम के लिए स्टैम्प</translation>
    </message>
    <message>
        <source>Smallest bill for a stamp (one a day)</source>
        <translation>स्टैम्प के लिए सबसे छोटा बिल (दिन में एक)</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>इनाम</translation>
    </message>
    <message>
        <source>Tiers by spend in the last 12 months</source>
        <translation>पिछले 12 महीने के खर्च के हिसाब से टियर</translation>
    </message>
    <message>
        <source>Tiers may go down only on the yearly review date: day</source>
        <translation>टियर सिर्फ़ सालाना जाँच की तारीख पर नीचे जा सकते हैं: दिन</translation>
    </message>
    <message>
        <source>month</source>
        <translation>महीना</translation>
    </message>
    <message>
        <source>Cards and counter</source>
        <translation>कार्ड और काउंटर</translation>
    </message>
    <message>
        <source>Ask before more than this many loyalty transactions on a card in a day</source>
        <translation>एक कार्ड पर दिन में इससे ज़्यादा लॉयल्टी लेन-देन होने पर पूछें</translation>
    </message>
    <message>
        <source>Terms printed on the card</source>
        <translation>कार्ड पर छपी शर्तें</translation>
    </message>
    <message>
        <source>New tier</source>
        <translation>नया टियर</translation>
    </message>
    <message>
        <source>1 point for every %1</source>
        <translation>हर %1 पर 1 पॉइंट</translation>
    </message>
    <message>
        <source> on bills of %1 or more</source>
        <translation> (%1 या ज़्यादा के बिल पर)</translation>
    </message>
    <message>
        <source>1 point = %1 when redeemed</source>
        <translation>भुनाने पर 1 पॉइंट = %1</translation>
    </message>
    <message>
        <source>redeem from %1 points, up to %2% of a bill</source>
        <translation>%1 पॉइंट से भुना सकते हैं, बिल का %2% तक</translation>
    </message>
    <message>
        <source>points expire %1 days after they are earned, oldest used first</source>
        <translation>पॉइंट कमाने के %1 दिन बाद खत्म होते हैं, सबसे पुराने पहले लगते हैं</translation>
    </message>
    <message>
        <source>points never expire</source>
        <translation>पॉइंट कभी खत्म नहीं होते</translation>
    </message>
    <message>
        <source>a stamp for each visit with a bill of %1 or more; %2 stamps earn: %3</source>
        <translation>%1 या ज़्यादा के बिल वाली हर विज़िट पर एक स्टैम्प; %2 स्टैम्प पर इनाम: %3</translation>
    </message>
    <message>
        <source>%1 from %2 spent in 12 months: %3× points</source>
        <translation>12 महीने में %2 खर्च पर %1: %3× पॉइंट</translation>
    </message>
    <message>
        <source>%1 points for joining</source>
        <translation>जुड़ने पर %1 पॉइंट</translation>
    </message>
    <message>
        <source>%1 points in the birthday week</source>
        <translation>जन्मदिन वाले हफ़्ते में %1 पॉइंट</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Clients</source>
        <translation>ग्राहक</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>काउंटर</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>लॉयल्टी</translation>
    </message>
    <message>
        <source>Greetings</source>
        <translation>शुभकामनाएँ</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>जानकारी</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <source>ClientDesk</source>
        <translation>ClientDesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>फ़ाइल (&amp;F)</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>नया ग्राहक</translation>
    </message>
    <message>
        <source>Back up the database now</source>
        <translation>अभी डेटाबेस का बैकअप लें</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>बैकअप से वापस लाएँ…</translation>
    </message>
    <message>
        <source>Move this client book to the shop&apos;s server…</source>
        <translation>यह ग्राहक बही दुकान के सर्वर पर ले जाएँ…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>जाएँ (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>मदद (&amp;H)</translation>
    </message>
    <message>
        <source>About ClientDesk</source>
        <translation>ClientDesk के बारे में</translation>
    </message>
    <message>
        <source>Import from Excel / contacts…</source>
        <translation>Excel / कॉन्टैक्ट से इम्पोर्ट करें…</translation>
    </message>
    <message>
        <source>Undo last import…</source>
        <translation>आखिरी इम्पोर्ट वापस लें…</translation>
    </message>
    <message>
        <source>Export clients to Excel…</source>
        <translation>ग्राहक Excel में एक्सपोर्ट करें…</translation>
    </message>
    <message>
        <source>Export purchases to Excel…</source>
        <translation>खरीदारी Excel में एक्सपोर्ट करें…</translation>
    </message>
    <message>
        <source>Export interactions to Excel…</source>
        <translation>बातचीत Excel में एक्सपोर्ट करें…</translation>
    </message>
    <message>
        <source>ClientDesk %1
The client desk for your shop.

Database: %2
Log: %3</source>
        <translation>ClientDesk %1
आपकी दुकान का ग्राहक रजिस्टर।

डेटाबेस: %2
लॉग: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n ग्राहक</numerusform>
            <numerusform>%n ग्राहक</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Check the columns</source>
        <translation>कॉलम जाँचें</translation>
    </message>
    <message>
        <source>ClientDesk guessed which column is which. Change any that are wrong; the choice is remembered for files with the same headings.</source>
        <translation>ClientDesk ने अंदाज़ा लगाया कि कौन-सा कॉलम क्या है। जो गलत हों उन्हें बदलें; यही हेडिंग वाली फ़ाइलों के लिए आपका चुनाव याद रखा जाएगा।</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>फ़ाइल का कॉलम</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>उदाहरण</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>किस रूप में इम्पोर्ट करें</translation>
    </message>
    <message>
        <source>Fill empty fields only</source>
        <translation>सिर्फ़ खाली फ़ील्ड भरें</translation>
    </message>
    <message>
        <source>Overwrite with the file&apos;s values</source>
        <translation>फ़ाइल की जानकारी से बदल दें</translation>
    </message>
    <message>
        <source>Skip the row</source>
        <translation>लाइन छोड़ दें</translation>
    </message>
    <message>
        <source>When a row&apos;s phone or email is already a client:</source>
        <translation>जब किसी लाइन का फ़ोन या ईमेल पहले से किसी ग्राहक का हो:</translation>
    </message>
    <message>
        <source>(do not import)</source>
        <translation>(इम्पोर्ट न करें)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ईमेल</translation>
    </message>
    <message>
        <source>GSTIN</source>
        <translation>GSTIN</translation>
    </message>
    <message>
        <source>PIN code</source>
        <translation>पिन कोड</translation>
    </message>
    <message>
        <source>Work PIN code</source>
        <translation>काम का पिन कोड</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>जन्मदिन</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>सालगिरह</translation>
    </message>
    <message>
        <source>Founding day</source>
        <translation>स्थापना दिवस</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>रकम</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>तारीख</translation>
    </message>
    <message>
        <source>Likelihood</source>
        <translation>संभावना</translation>
    </message>
    <message>
        <source>This is required.</source>
        <translation>यह ज़रूरी है।</translation>
    </message>
    <message>
        <source>This is not valid.</source>
        <translation>यह सही नहीं है।</translation>
    </message>
    <message>
        <source>A GSTIN has 15 characters.</source>
        <translation>GSTIN में 15 अक्षर होते हैं।</translation>
    </message>
    <message>
        <source>This is not in the right format.</source>
        <translation>यह सही रूप में नहीं है।</translation>
    </message>
    <message>
        <source>The first two digits are not a GST state code.</source>
        <translation>पहले दो अंक GST राज्य कोड नहीं हैं।</translation>
    </message>
    <message>
        <source>The last character does not match; check for a typing mistake.</source>
        <translation>आखिरी अक्षर मेल नहीं खाता; टाइपिंग की गलती देखें।</translation>
    </message>
    <message>
        <source>Excel cut this number short; type the full number.</source>
        <translation>Excel ने यह नंबर छोटा कर दिया; पूरा नंबर लिखें।</translation>
    </message>
    <message>
        <source>Give at least the day and the month.</source>
        <translation>कम से कम दिन और महीना दें।</translation>
    </message>
    <message>
        <source>The value is out of range.</source>
        <translation>यह मान सीमा से बाहर है।</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>रकम माइनस में नहीं हो सकती।</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>यह तारीख आगे की है।</translation>
    </message>
    <message>
        <source>Already belongs to another client; left out.</source>
        <translation>यह पहले से किसी दूसरे ग्राहक का है; छोड़ दिया गया।</translation>
    </message>
    <message>
        <source>%1 already belongs to %2 (client #%3).</source>
        <translation>%1 पहले से %2 (ग्राहक #%3) का है।</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>रद्द किया गया; कुछ नहीं बदला।</translation>
    </message>
    <message>
        <source>The client book is busy: another counter or ClientDesk window is saving a big change (an import or its undo) and did not finish in time. Nothing was saved; try again in a moment.</source>
        <translation>ग्राहक-बही अभी व्यस्त है: दूसरा काउंटर या ClientDesk की दूसरी खिड़की कोई बड़ा बदलाव (इम्पोर्ट या उसे वापस लेना) सहेज रही है और समय पर पूरा नहीं हुआ। कुछ भी सहेजा नहीं गया; थोड़ी देर बाद फिर कोशिश करें।</translation>
    </message>
    <message>
        <source>The database could not be used.</source>
        <translation>डेटाबेस इस्तेमाल नहीं हो सका।</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>नहीं मिला।</translation>
    </message>
    <message>
        <source>ClientDesk</source>
        <translation>ClientDesk</translation>
    </message>
</context>
<context>
    <name>Months</name>
    <message>
        <source>January</source>
        <translation>जनवरी</translation>
    </message>
    <message>
        <source>February</source>
        <translation>फ़रवरी</translation>
    </message>
    <message>
        <source>March</source>
        <translation>मार्च</translation>
    </message>
    <message>
        <source>April</source>
        <translation>अप्रैल</translation>
    </message>
    <message>
        <source>May</source>
        <translation>मई</translation>
    </message>
    <message>
        <source>June</source>
        <translation>जून</translation>
    </message>
    <message>
        <source>July</source>
        <translation>जुलाई</translation>
    </message>
    <message>
        <source>August</source>
        <translation>अगस्त</translation>
    </message>
    <message>
        <source>September</source>
        <translation>सितंबर</translation>
    </message>
    <message>
        <source>October</source>
        <translation>अक्टूबर</translation>
    </message>
    <message>
        <source>November</source>
        <translation>नवंबर</translation>
    </message>
    <message>
        <source>December</source>
        <translation>दिसंबर</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move this client book to the shop&apos;s server</source>
        <translation>यह ग्राहक बही दुकान के सर्वर पर ले जाएँ</translation>
    </message>
    <message>
        <source>ClientDesk copies everything in this client book to the shop&apos;s server: clients, phone numbers, bills, points, cards, greetings, lists and settings. The client book on the server must be empty.

This PC keeps working on its own file until you switch it to the server, so keep selling meanwhile if you need to; what is sold after the copy stays in this PC&apos;s file.</source>
        <translation>ClientDesk इस ग्राहक बही की हर चीज़ दुकान के सर्वर पर कॉपी करता है: ग्राहक, फ़ोन नंबर, बिल, पॉइंट, कार्ड, शुभकामनाएँ, सूचियाँ और सेटिंग। सर्वर पर ग्राहक बही ख़ाली होनी चाहिए।

जब तक आप इस PC को सर्वर पर नहीं बदलते, यह अपनी फ़ाइल पर ही काम करता रहता है, इसलिए ज़रूरत हो तो इस बीच बिक्री करते रहें; कॉपी के बाद की बिक्री इस PC की फ़ाइल में ही रहती है।</translation>
    </message>
    <message>
        <source>kept in this PC&apos;s keyring, never in a file</source>
        <translation>इस PC के कीरिंग में रखा जाता है, किसी फ़ाइल में नहीं</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>सर्वर का पता:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>पासवर्ड:</translation>
    </message>
    <message>
        <source>Copy to the server</source>
        <translation>सर्वर पर कॉपी करें</translation>
    </message>
    <message>
        <source>Cancel the copy</source>
        <translation>कॉपी रोकें</translation>
    </message>
    <message>
        <source>Use the server from now on</source>
        <translation>अब से सर्वर इस्तेमाल करें</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Type the server&apos;s address, as postgresql://user@server-pc/clientdesk</source>
        <translation>सर्वर का पता लिखें, जैसे postgresql://user@server-pc/clientdesk</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>सर्वर से जुड़ रहे हैं…</translation>
    </message>
    <message>
        <source>Cancelling… nothing stays on the server.</source>
        <translation>रोक रहे हैं… सर्वर पर कुछ नहीं रहेगा।</translation>
    </message>
    <message>
        <source>Copied %1 clients (%2 records) in %3 seconds, and checked: every table has the same number of records on the server, and the loyalty points are the same (%4 points, check %5).

This PC still works on its own file. Switch it to the server now, so that what you sell from now on is on the server.</source>
        <translation>%1 ग्राहक (%2 रिकॉर्ड) %3 सेकंड में कॉपी हुए, और जाँच भी हो गई: सर्वर पर हर तालिका में रिकॉर्ड उतने ही हैं, और लॉयल्टी पॉइंट भी बराबर हैं (%4 पॉइंट, जाँच %5)।

यह PC अभी भी अपनी फ़ाइल पर काम कर रहा है। इसे अभी सर्वर पर बदलें, ताकि अब से होने वाली बिक्री सर्वर पर दर्ज हो।</translation>
    </message>
    <message>
        <source>Done: from its next start, ClientDesk on this PC works on the shop&apos;s server. Keep this PC&apos;s file as it is; it is no longer used.</source>
        <translation>हो गया: अगली बार खुलने से, इस PC पर ClientDesk दुकान के सर्वर पर काम करेगा। इस PC की फ़ाइल को जैसी है वैसी रहने दें; अब उसका इस्तेमाल नहीं होगा।</translation>
    </message>
    <message>
        <source>Start ClientDesk again now, on the shop&apos;s server?</source>
        <translation>क्या ClientDesk को अभी दोबारा, दुकान के सर्वर पर शुरू करें?</translation>
    </message>
</context>
<context>
    <name>MoveToServer</name>
    <message>
        <source>Clients</source>
        <translation>ग्राहक</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>फ़ोन नंबर</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>टैग</translation>
    </message>
    <message>
        <source>Clients&apos; tags</source>
        <translation>ग्राहकों के टैग</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>सहमति</translation>
    </message>
    <message>
        <source>Consent history</source>
        <translation>सहमति का इतिहास</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>बिल</translation>
    </message>
    <message>
        <source>Bill lines</source>
        <translation>बिल की पंक्तियाँ</translation>
    </message>
    <message>
        <source>Calls, visits and notes</source>
        <translation>कॉल, मुलाक़ातें और नोट</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>सेटिंग</translation>
    </message>
    <message>
        <source>Loyalty members</source>
        <translation>लॉयल्टी सदस्य</translation>
    </message>
    <message>
        <source>Loyalty cards</source>
        <translation>लॉयल्टी कार्ड</translation>
    </message>
    <message>
        <source>Counter sales</source>
        <translation>काउंटर की बिक्री</translation>
    </message>
    <message>
        <source>Points ledger</source>
        <translation>पॉइंट का खाता</translation>
    </message>
    <message>
        <source>Points spent</source>
        <translation>ख़र्च हुए पॉइंट</translation>
    </message>
    <message>
        <source>Greeting templates</source>
        <translation>शुभकामना के नमूने</translation>
    </message>
    <message>
        <source>Greetings sent</source>
        <translation>भेजी गई शुभकामनाएँ</translation>
    </message>
    <message>
        <source>Festival dates changed</source>
        <translation>बदली गई त्योहार की तारीख़ें</translation>
    </message>
    <message>
        <source>The shop&apos;s own festivals</source>
        <translation>दुकान के अपने त्योहार</translation>
    </message>
    <message>
        <source>Clients&apos; special dates</source>
        <translation>ग्राहकों की ख़ास तारीख़ें</translation>
    </message>
    <message>
        <source>Festivals clients celebrate</source>
        <translation>ग्राहक जो त्योहार मनाते हैं</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>इम्पोर्ट</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>इम्पोर्ट का इतिहास</translation>
    </message>
    <message>
        <source>Saved client lists</source>
        <translation>सहेजी गई ग्राहक सूचियाँ</translation>
    </message>
    <message>
        <source>Insights: client scores</source>
        <translation>जानकारी: ग्राहकों के स्कोर</translation>
    </message>
    <message>
        <source>Insights: bought together</source>
        <translation>जानकारी: साथ में ख़रीदा गया</translation>
    </message>
    <message>
        <source>Insights: suggestions</source>
        <translation>जानकारी: सुझाव</translation>
    </message>
    <message>
        <source>Insights: signals</source>
        <translation>जानकारी: संकेत</translation>
    </message>
    <message>
        <source>Insights: refreshes</source>
        <translation>जानकारी: ताज़ा करने का रिकॉर्ड</translation>
    </message>
    <message>
        <source>The server&apos;s search index</source>
        <translation>सर्वर का खोज इंडेक्स</translation>
    </message>
    <message>
        <source>The server&apos;s indexes</source>
        <translation>सर्वर के इंडेक्स</translation>
    </message>
    <message>
        <source>Checking the copy</source>
        <translation>कॉपी की जाँच</translation>
    </message>
    <message>
        <source>Copying: %1</source>
        <translation>कॉपी हो रहा है: %1</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was copied to the server; this client book is as it was.</source>
        <translation>रोक दिया गया। सर्वर पर कुछ भी कॉपी नहीं हुआ; यह ग्राहक बही पहले जैसी ही है।</translation>
    </message>
    <message>
        <source>The client book on the server is not empty (%1 clients), so nothing was copied. ClientDesk only copies into an empty one: ask whoever set up the server for an empty database.</source>
        <translation>सर्वर की ग्राहक बही ख़ाली नहीं है (%1 ग्राहक), इसलिए कुछ भी कॉपी नहीं हुआ। ClientDesk सिर्फ़ ख़ाली बही में कॉपी करता है: जिसने सर्वर सेट किया है, उससे एक ख़ाली डेटाबेस माँगें।</translation>
    </message>
    <message>
        <source>A record of this client book cannot be put on the server, so nothing was copied.</source>
        <translation>इस ग्राहक बही का एक रिकॉर्ड सर्वर पर नहीं रखा जा सकता, इसलिए कुछ भी कॉपी नहीं हुआ।</translation>
    </message>
    <message>
        <source>The copy on the server did not match this client book, so it was not kept. Try again.</source>
        <translation>सर्वर की कॉपी इस ग्राहक बही से मेल नहीं खाई, इसलिए उसे नहीं रखा गया। फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>This client book cannot be copied.</source>
        <translation>यह ग्राहक बही कॉपी नहीं हो सकती।</translation>
    </message>
    <message>
        <source>The server&apos;s address is not complete.</source>
        <translation>सर्वर का पता पूरा नहीं है।</translation>
    </message>
    <message>
        <source>The shop&apos;s server could not be used; nothing was copied.</source>
        <translation>दुकान के सर्वर से काम नहीं हो सका; कुछ भी कॉपी नहीं हुआ।</translation>
    </message>
    <message>
        <source>Move this client book to the shop&apos;s server</source>
        <translation>यह ग्राहक बही दुकान के सर्वर पर ले जाएँ</translation>
    </message>
    <message>
        <source>This client book is already on the shop&apos;s server.</source>
        <translation>यह ग्राहक बही पहले से दुकान के सर्वर पर है।</translation>
    </message>
</context>
<context>
    <name>PairsTab</name>
    <message>
        <source>Bought</source>
        <translation>खरीदा</translation>
    </message>
    <message>
        <source>Also bought</source>
        <translation>साथ में खरीदा</translation>
    </message>
    <message>
        <source>Bills with both</source>
        <translation>दोनों वाले बिल</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>सपोर्ट</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>भरोसा</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>लिफ़्ट</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>सामान</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>श्रेणियाँ</translation>
    </message>
</context>
<context>
    <name>PartialDateEdit</name>
    <message>
        <source>year unknown</source>
        <translation>साल पता नहीं</translation>
    </message>
</context>
<context>
    <name>PhoneList</name>
    <message>
        <source>Add phone</source>
        <translation>फ़ोन जोड़ें</translation>
    </message>
</context>
<context>
    <name>PhoneRow</name>
    <message>
        <source>e.g. 98765 43210</source>
        <translation>जैसे 98765 43210</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>मुख्य</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>हटाएँ</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Row</source>
        <translation>लाइन</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>समस्याएँ</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>झलक</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Check the first rows, then press Import.</source>
        <translation>अभी कुछ भी लिखा नहीं गया। पहली लाइनें जाँचें, फिर इम्पोर्ट दबाएँ।</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>इम्पोर्ट (&amp;I)</translation>
    </message>
    <message>
        <source>%1 rows in the file. In the first %2: %3 new, %4 updates, %5 with problems.</source>
        <translation>फ़ाइल में %1 लाइनें। पहली %2 में: %3 नए, %4 बदलाव, %5 में समस्या।</translation>
    </message>
    <message>
        <source>New family members on a number a client has: %1</source>
        <translation>किसी ग्राहक के नंबर पर परिवार के नए सदस्य: %1</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>इम्पोर्ट हो रहा है…</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>इम्पोर्ट रद्द हुआ</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>इम्पोर्ट रद्द हो गया; कुछ नहीं बदला।</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Cards</source>
        <translation>कार्ड</translation>
    </message>
    <message>
        <source>The PDF was saved, but no program opened it. Open it yourself from:
%1</source>
        <translation>PDF सहेज दी गई, पर कोई प्रोग्राम उसे नहीं खोल पाया। इसे यहाँ से खुद खोलें:
%1</translation>
    </message>
</context>
<context>
    <name>PurchaseDialog</name>
    <message>
        <source>Record purchase</source>
        <translation>खरीदारी दर्ज करें</translation>
    </message>
    <message>
        <source>in rupees, e.g. 1250.50</source>
        <translation>रुपयों में, जैसे 1250.50</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>सामान</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>श्रेणी</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>मात्रा</translation>
    </message>
    <message>
        <source>Amount (₹)</source>
        <translation>रकम (₹)</translation>
    </message>
    <message>
        <source>More items</source>
        <translation>और सामान</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>तारीख</translation>
    </message>
    <message>
        <source>Bill no.</source>
        <translation>बिल नं.</translation>
    </message>
    <message>
        <source>Items (optional)</source>
        <translation>सामान (ज़रूरी नहीं)</translation>
    </message>
</context>
<context>
    <name>PurchasesTab</name>
    <message>
        <source>Record purchase…</source>
        <translation>खरीदारी दर्ज करें…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>तारीख</translation>
    </message>
    <message>
        <source>Bill no.</source>
        <translation>बिल नं.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>रकम</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>सामान</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>शाखा</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>काउंटर</translation>
    </message>
    <message>
        <source>(no branch)</source>
        <translation>(कोई शाखा नहीं)</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>ड्राइव</translation>
    </message>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>फ़ोल्डर</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>इसमें देखें (&amp;L):</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>पीछे</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>पीछे जाएँ</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>आगे</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>आगे जाएँ</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>ऊपर वाला फ़ोल्डर</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>ऊपर वाले फ़ोल्डर में जाएँ</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>नया फ़ोल्डर बनाएँ</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>नया फ़ोल्डर बनाएँ</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>सादी सूची</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>सादी सूची दिखाएँ</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>पूरी जानकारी वाली सूची</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>पूरी जानकारी वाली सूची दिखाएँ</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>किनारे की पट्टी</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>जगहों और बुकमार्क की सूची</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>फ़ाइलें</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>फ़ाइल का नाम (&amp;N):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>फ़ाइल का प्रकार (&amp;T):</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>खोलें (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>सहेजें (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>नाम बदलें (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>मिटाएँ (&amp;D)</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>छिपी फ़ाइलें भी दिखाएँ (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>नया फ़ोल्डर (&amp;N)</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>नया फ़ोल्डर</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>दिखाएँ: </translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 पहले से मौजूद है।
क्या इसकी जगह यह नई फ़ाइल रखें?</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
यह फ़ाइल नहीं मिली।
जाँच लें कि फ़ाइल का नाम सही लिखा है।</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
यह फ़ोल्डर नहीं मिला।
जाँच लें कि फ़ोल्डर का नाम सही लिखा है।</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>क्या सच में &apos;%1&apos; मिटाना है?</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>&apos;%1&apos; बदलने से सुरक्षित है।
क्या फिर भी इसे मिटाना है?</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>फ़ोल्डर मिटाया नहीं जा सका।</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>आकार</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>आख़िरी बदलाव</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>कंप्यूटर</translation>
    </message>
    <message>
        <source>Type</source>
        <comment>All other platforms</comment>
        <translation>प्रकार</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>वापस लें (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>फिर से करें (&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>काटें (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>कॉपी करें (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>चिपकाएँ (&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>सब चुनें</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>विवरण दिखाएँ…</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>विवरण छिपाएँ…</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>सहेजें</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>सब सहेजें</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>खोलें</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>हाँ (&amp;Y)</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>सबके लिए हाँ (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>नहीं (&amp;N)</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>सबके लिए नहीं (&amp;O)</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>रोकें</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>फिर कोशिश करें</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>अनदेखा करें</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>बदलाव छोड़ें</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>मदद</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>लागू करें</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>रीसेट करें</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>पहले जैसा करें</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Ctrl</source>
        <translation>Ctrl</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; पीछे (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>आगे (&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>पूरा करें (&amp;F)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>मदद (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Commit</source>
        <translation>पक्का करें (&amp;C)</translation>
    </message>
</context>
<context>
    <name>ReceiptButton</name>
    <message>
        <source>Receipt (F6)</source>
        <translation>रसीद (F6)</translation>
    </message>
    <message>
        <source>Print the slip…</source>
        <translation>पर्ची छापें…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF में सहेजें…</translation>
    </message>
    <message>
        <source>Send on WhatsApp</source>
        <translation>WhatsApp पर भेजें</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>काग़ज़</translation>
    </message>
    <message>
        <source>58 mm roll</source>
        <translation>58 मिमी रोल</translation>
    </message>
    <message>
        <source>80 mm roll</source>
        <translation>80 मिमी रोल</translation>
    </message>
    <message>
        <source>A6 page</source>
        <translation>A6 पन्ना</translation>
    </message>
    <message>
        <source>Save the receipt</source>
        <translation>रसीद सहेजें</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF फ़ाइलें (*.pdf)</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>WhatsApp could not be opened on this computer.</source>
        <translation>इस कंप्यूटर पर WhatsApp नहीं खुल सका।</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>बैकअप से वापस लाएँ</translation>
    </message>
    <message>
        <source>Choose the copy to bring back. The client book as it is now is kept as a backup first, so a restore can be undone by restoring that copy.</source>
        <translation>वापस लाने के लिए कॉपी चुनें। ग्राहक बही जैसी अभी है, पहले उसका बैकअप रखा जाता है, ताकि ज़रूरत हो तो उस कॉपी को वापस लाकर यह बदलाव पलटा जा सके।</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>तारीख़</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>ग्राहक</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>जाँचा गया</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>कब बना</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>हाँ</translation>
    </message>
    <message>
        <source>No backups yet. ClientDesk makes one at every start; File → Back up the database now makes one at once.</source>
        <translation>अभी कोई बैकअप नहीं है। ClientDesk हर बार खोलने पर एक बनाता है; फ़ाइल → अभी डेटाबेस का बैकअप लें से तुरंत एक बनता है।</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Restore this backup…</source>
        <translation>यह बैकअप वापस लाएँ…</translation>
    </message>
    <message>
        <source>Another file…</source>
        <translation>कोई दूसरी फ़ाइल…</translation>
    </message>
    <message>
        <source>Backup to restore</source>
        <translation>वापस लाने वाला बैकअप</translation>
    </message>
    <message>
        <source>ClientDesk backups (*.sqlite)</source>
        <translation>ClientDesk बैकअप (*.sqlite)</translation>
    </message>
    <message>
        <source>This copy did not pass its check, so it cannot be restored:
%1</source>
        <translation>यह कॉपी जाँच में सही नहीं निकली, इसलिए इसे वापस नहीं लाया जा सकता:
%1</translation>
    </message>
    <message>
        <source>Replace the client book with the backup of %1 (%2 clients)?

The client book as it is now is kept as a backup first. ClientDesk then starts again.</source>
        <translation>ग्राहक बही को %1 के बैकअप (%2 ग्राहक) से बदलें?

ग्राहक बही जैसी अभी है, पहले उसका बैकअप रखा जाएगा। फिर ClientDesk दोबारा शुरू होगा।</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Done</source>
        <translation>हो गया</translation>
    </message>
    <message>
        <source>Save &amp;error report…</source>
        <translation>गलतियों की रिपोर्ट सहेजें (&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Undo this import</source>
        <translation>यह इम्पोर्ट वापस लें (&amp;U)</translation>
    </message>
    <message>
        <source>Problems (fix them in the error report and import it again):</source>
        <translation>समस्याएँ (इन्हें गलतियों की रिपोर्ट में ठीक करके फिर से इम्पोर्ट करें):</translation>
    </message>
    <message>
        <source>%1 bills imported, %2 new clients for new phone numbers, %3 rows skipped, %4 rows not imported.</source>
        <translation>%1 बिल इम्पोर्ट हुए, नए फ़ोन नंबरों के लिए %2 नए ग्राहक, %3 लाइनें छोड़ीं, %4 लाइनें इम्पोर्ट नहीं हुईं।</translation>
    </message>
    <message>
        <source>%1 clients created, %2 updated, %3 already up to date, %4 skipped, %5 blank or totals rows, %6 rows not imported.</source>
        <translation>%1 ग्राहक बने, %2 बदले, %3 पहले से ठीक, %4 छोड़े, %5 खाली या जोड़ वाली लाइनें, %6 लाइनें इम्पोर्ट नहीं हुईं।</translation>
    </message>
    <message>
        <source>Of them, new family members on another client&apos;s number: %1</source>
        <translation>इनमें से किसी दूसरे ग्राहक के नंबर पर परिवार के नए सदस्य: %1</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>लाइन %1</translation>
    </message>
    <message>
        <source>Save error report</source>
        <translation>गलतियों की रिपोर्ट सहेजें</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>गलतियों की रिपोर्ट</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>यहाँ सहेजा: %1</translation>
    </message>
</context>
<context>
    <name>SegmentBuilder</name>
    <message>
        <source>Bought</source>
        <translation>खरीदा</translation>
    </message>
    <message>
        <source>Never bought</source>
        <translation>कभी नहीं खरीदा</translation>
    </message>
    <message>
        <source>Total spent (₹)</source>
        <translation>कुल खर्च (₹)</translation>
    </message>
    <message>
        <source>Number of visits</source>
        <translation>कितनी बार आए</translation>
    </message>
    <message>
        <source>Last visit more than N days ago</source>
        <translation>आखिरी बार N दिन से ज़्यादा पहले आए</translation>
    </message>
    <message>
        <source>Last visit less than N days ago</source>
        <translation>आखिरी बार N दिन से कम पहले आए</translation>
    </message>
    <message>
        <source>Loyalty tier</source>
        <translation>लॉयल्टी टियर</translation>
    </message>
    <message>
        <source>Close to the next tier</source>
        <translation>अगले टियर के पास</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>टैग</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>City</source>
        <translation>शहर</translation>
    </message>
    <message>
        <source>State</source>
        <translation>राज्य</translation>
    </message>
    <message>
        <source>PIN code (or its first digits)</source>
        <translation>पिन कोड (या उसके पहले अंक)</translation>
    </message>
    <message>
        <source>Birthday in month</source>
        <translation>जन्मदिन का महीना</translation>
    </message>
    <message>
        <source>Anniversary in month</source>
        <translation>सालगिरह का महीना</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>स्रोत</translation>
    </message>
    <message>
        <source>Consent for channel</source>
        <translation>चैनल के लिए सहमति</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>RFM group</source>
        <translation>RFM समूह</translation>
    </message>
    <message>
        <source>Purchase likelihood (%)</source>
        <translation>खरीदने की संभावना (%)</translation>
    </message>
    <message>
        <source>category</source>
        <translation>श्रेणी</translation>
    </message>
    <message>
        <source>product</source>
        <translation>सामान</translation>
    </message>
    <message>
        <source>ever</source>
        <translation>कभी भी</translation>
    </message>
    <message>
        <source>in the last </source>
        <translation>पिछले </translation>
    </message>
    <message>
        <source> days</source>
        <translation> दिन में</translation>
    </message>
    <message>
        <source>Segment builder</source>
        <translation>सेगमेंट बनाएँ</translation>
    </message>
    <message>
        <source>Add with AND</source>
        <translation>AND से जोड़ें</translation>
    </message>
    <message>
        <source>Add with OR</source>
        <translation>OR से जोड़ें</translation>
    </message>
    <message>
        <source>Add with AND NOT</source>
        <translation>AND NOT से जोड़ें</translation>
    </message>
    <message>
        <source>e.g. bought category Dairy and never bought category Meat</source>
        <translation>जैसे bought category Dairy and never bought category Meat</translation>
    </message>
    <message>
        <source>Name, to save this segment (e.g. Vegetarians)</source>
        <translation>यह सेगमेंट सहेजने के लिए नाम (जैसे शाकाहारी)</translation>
    </message>
    <message>
        <source>Save segment</source>
        <translation>सेगमेंट सहेजें</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>शर्त</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>क्वेरी</translation>
    </message>
    <message>
        <source>Matching clients</source>
        <translation>मिलते ग्राहक</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>इस नाम से सहेजें</translation>
    </message>
    <message>
        <source>Problem at character %1 (“%2”): %3</source>
        <translation>अक्षर %1 (“%2”) पर समस्या: %3</translation>
    </message>
    <message>
        <source>Everyone: add a condition</source>
        <translation>सभी: कोई शर्त जोड़ें</translation>
    </message>
    <message>
        <source>%1 clients</source>
        <translation>%1 ग्राहक</translation>
    </message>
    <message>
        <source>Segment saved.</source>
        <translation>सेगमेंट सहेजा गया।</translation>
    </message>
</context>
<context>
    <name>SegmentsTab</name>
    <message>
        <source>never bought category Meat</source>
        <translation>never bought category Meat</translation>
    </message>
    <message>
        <source>Builder…</source>
        <translation>बनाएँ…</translation>
    </message>
    <message>
        <source>Show clients</source>
        <translation>ग्राहक दिखाएँ</translation>
    </message>
    <message>
        <source>Send greeting…</source>
        <translation>शुभकामना भेजें…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Excel में एक्सपोर्ट करें…</translation>
    </message>
    <message>
        <source>Delete saved segment</source>
        <translation>सहेजा सेगमेंट हटाएँ</translation>
    </message>
    <message>
        <source>Query (see the README for the words it understands)</source>
        <translation>क्वेरी (यह कौन-से शब्द समझता है, README में देखें)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Examples&lt;/b&gt;&lt;br&gt;never bought category Meat&lt;br&gt;bought category Dairy and never bought category Meat&lt;br&gt;bought Pizza in last 30 days and not bought Cold Drink 2 L&lt;br&gt;(city Pune or city Mumbai) and spent &gt;= 5000&lt;br&gt;visits &gt;= 3 and last visit more than 60 days ago&lt;br&gt;birthday in November and consent whatsapp&lt;br&gt;tier Gold or close to next tier&lt;br&gt;rfm at_risk and likelihood &gt;= 40&lt;br&gt;&lt;br&gt;&lt;b&gt;Words&lt;/b&gt;: bought / never bought [product | category] NAME [in last N days], spent / visits (&amp;gt;, &amp;gt;=, &amp;lt;, &amp;lt;=, =, !=) N [in last N days], last visit more / less than N days ago, tier, close to next tier, tag, status, city, state, pin, birthday in MONTH, anniversary in MONTH, source, consent, language, rfm, likelihood. Join with and, or, not and brackets; put a name with those words in &quot;quotes&quot;.</source>
        <translation>&lt;b&gt;उदाहरण&lt;/b&gt;&lt;br&gt;never bought category Meat&lt;br&gt;bought category Dairy and never bought category Meat&lt;br&gt;bought Pizza in last 30 days and not bought Cold Drink 2 L&lt;br&gt;(city Pune or city Mumbai) and spent &gt;= 5000&lt;br&gt;visits &gt;= 3 and last visit more than 60 days ago&lt;br&gt;birthday in November and consent whatsapp&lt;br&gt;tier Gold or close to next tier&lt;br&gt;rfm at_risk and likelihood &gt;= 40&lt;br&gt;&lt;br&gt;&lt;b&gt;शब्द&lt;/b&gt; (अंग्रेज़ी में ही लिखें): bought / never bought [product | category] NAME [in last N days], spent / visits (&amp;gt;, &amp;gt;=, &amp;lt;, &amp;lt;=, =, !=) N [in last N days], last visit more / less than N days ago, tier, close to next tier, tag, status, city, state, pin, birthday in MONTH, anniversary in MONTH, source, consent, language, rfm, likelihood. इन्हें and, or, not और कोष्ठक से जोड़ें; जिस नाम में ये शब्द हों उसे &quot;quotes&quot; में लिखें।</translation>
    </message>
    <message>
        <source>Saved segments</source>
        <translation>सहेजे सेगमेंट</translation>
    </message>
    <message>
        <source>%1 clients</source>
        <translation>%1 ग्राहक</translation>
    </message>
    <message>
        <source>Export segment</source>
        <translation>सेगमेंट एक्सपोर्ट करें</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel फ़ाइलें (*.xlsx)</translation>
    </message>
    <message>
        <source>%1 clients written.</source>
        <translation>%1 ग्राहक लिखे गए।</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>एक्सपोर्ट हो रहा है</translation>
    </message>
    <message>
        <source>Delete the saved segment “%1”? The clients are not touched.</source>
        <translation>सहेजा सेगमेंट “%1” हटाएँ? ग्राहकों पर कोई असर नहीं होगा।</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>The shop&apos;s server at %1 is not answering; check that its PC is on.</source>
        <translation>दुकान का सर्वर (%1) जवाब नहीं दे रहा; देखें कि उसका PC चालू है।</translation>
    </message>
    <message>
        <source>The shop&apos;s server at %1 is starting up or shutting down; try again in a moment.</source>
        <translation>दुकान का सर्वर (%1) अभी चालू या बंद हो रहा है; थोड़ी देर में फिर कोशिश करें।</translation>
    </message>
    <message>
        <source>The shop&apos;s server at %1 refused the connection: wrong user name or password, or this PC is not allowed to connect.</source>
        <translation>दुकान के सर्वर (%1) ने जुड़ने नहीं दिया: यूज़र नाम या पासवर्ड ग़लत है, या इस PC को जुड़ने की अनुमति नहीं है।</translation>
    </message>
    <message>
        <source>The shop&apos;s server at %1 has no client book named %2. Check the name, or set the server up first (server-setup).</source>
        <translation>दुकान के सर्वर (%1) पर %2 नाम की कोई ग्राहक बही नहीं है। नाम जाँचें, या पहले सर्वर तैयार करें (server-setup)।</translation>
    </message>
    <message>
        <source>The client book on the shop&apos;s server at %1 was written by a newer ClientDesk. Install the newer ClientDesk on this counter to use it.</source>
        <translation>दुकान के सर्वर (%1) की ग्राहक बही ClientDesk के नए संस्करण से लिखी गई है। इसे चलाने के लिए इस काउंटर पर भी नया ClientDesk लगाएँ।</translation>
    </message>
    <message>
        <source>The database %2 on the shop&apos;s server at %1 is not a ClientDesk client book (it has other tables).</source>
        <translation>दुकान के सर्वर (%1) पर डेटाबेस %2 ClientDesk की ग्राहक बही नहीं है (उसमें दूसरी तालिकाएँ हैं)।</translation>
    </message>
    <message>
        <source>Connected to %1. The database %2 has no client book yet; it is made at the first start on the server.</source>
        <translation>%1 से जुड़ गया। डेटाबेस %2 में अभी ग्राहक बही नहीं है; सर्वर पर पहली बार खोलने पर यह बन जाएगी।</translation>
    </message>
    <message>
        <source>The shop&apos;s server at %1 took too long and the work was cancelled; nothing was saved. Try again.</source>
        <translation>दुकान के सर्वर (%1) ने बहुत देर लगाई, इसलिए काम रोक दिया गया; कुछ भी सहेजा नहीं गया। फिर कोशिश करें।</translation>
    </message>
    <message>
        <source>The disk of the shop&apos;s server at %1 is full. Free some space on that PC and try again; nothing was saved.</source>
        <translation>दुकान के सर्वर (%1) की डिस्क भर गई है। उस PC पर कुछ जगह ख़ाली करें और फिर कोशिश करें; कुछ भी सहेजा नहीं गया।</translation>
    </message>
    <message>
        <source>The shop&apos;s server at %1 is out of resources (too many counters connected, or memory); nothing was saved. Try again in a moment.</source>
        <translation>दुकान के सर्वर (%1) के पास अभी क्षमता नहीं बची (बहुत सारे काउंटर जुड़े हैं, या मेमोरी कम है); कुछ भी सहेजा नहीं गया। थोड़ी देर में फिर कोशिश करें।</translation>
    </message>
    <message>
        <source>Another counter changed the same records at the same moment; nothing was saved. Try again.</source>
        <translation>उसी समय दूसरे काउंटर ने यही रिकॉर्ड बदले; कुछ भी सहेजा नहीं गया। फिर कोशिश करें।</translation>
    </message>
    <message>
        <source>The client book on the shop&apos;s server at %1 is read-only; nothing was saved.</source>
        <translation>दुकान के सर्वर (%1) की ग्राहक बही सिर्फ़ पढ़ी जा सकती है; कुछ भी सहेजा नहीं गया।</translation>
    </message>
    <message>
        <source>A text is longer than the client book on the shop&apos;s server at %1 takes; nothing was saved. Shorten it, or run server-setup again to lift the limit.</source>
        <translation>दुकान के सर्वर %1 की ग्राहक-बही जितना लंबा पाठ लेती है, यह उससे लंबा है; कुछ सहेजा नहीं गया। इसे छोटा करें, या सीमा हटाने के लिए server-setup फिर से चलाएँ।</translation>
    </message>
    <message>
        <source>The shop&apos;s server at %1 does not let this counter make this change (permission denied). Run server-setup again or ask whoever set the server up.</source>
        <translation>दुकान का सर्वर (%1) इस काउंटर को यह बदलाव नहीं करने देता (अनुमति नहीं है)। server-setup फिर से चलाएँ या जिसने सर्वर लगाया है उससे पूछें।</translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1: %n client(s) in the client book (schema %2).</source>
        <translation>
            <numerusform>%1 से जुड़ गया: ग्राहक बही में %n ग्राहक (स्कीमा %2)।</numerusform>
            <numerusform>%1 से जुड़ गया: ग्राहक बही में %n ग्राहक (स्कीमा %2)।</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerAwayDialog</name>
    <message>
        <source>ClientDesk: the shop&apos;s server</source>
        <translation>ClientDesk: दुकान का सर्वर</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>फिर कोशिश करें</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Use this PC&apos;s own client book instead…</source>
        <translation>इसकी जगह इस PC की अपनी ग्राहक बही खोलें…</translation>
    </message>
    <message>
        <source>This PC&apos;s own client book is a separate book: it does not have the clients, bills and points kept on the server, and what is written in it does not reach the server.</source>
        <translation>इस PC की अपनी ग्राहक बही एक अलग बही है: इसमें सर्वर वाले ग्राहक, बिल और पॉइंट नहीं हैं, और इसमें जो लिखा जाए वह सर्वर तक नहीं पहुँचता।</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>%1 का पासवर्ड:</translation>
    </message>
    <message>
        <source>Type the password of this counter&apos;s user on the server, then press Retry.</source>
        <translation>सर्वर पर इस काउंटर के यूज़र का पासवर्ड लिखें, फिर &quot;फिर कोशिश करें&quot; दबाएँ।</translation>
    </message>
    <message>
        <source>Trying again every %1 seconds…</source>
        <translation>हर %1 सेकंड में फिर कोशिश कर रहे हैं…</translation>
    </message>
    <message>
        <source>Correct this in the server&apos;s set-up, then press Retry.</source>
        <translation>सर्वर की सेटिंग में इसे ठीक करें, फिर &quot;फिर कोशिश करें&quot; दबाएँ।</translation>
    </message>
    <message>
        <source>Asking the shop&apos;s server…</source>
        <translation>दुकान के सर्वर से पूछ रहे हैं…</translation>
    </message>
    <message>
        <source>The password could not be kept in this PC&apos;s keyring: %1</source>
        <translation>पासवर्ड इस PC की कीरिंग में नहीं रखा जा सका: %1</translation>
    </message>
    <message>
        <source>Open this PC&apos;s own client book instead of the shop&apos;s server?

The two books are separate: the clients, bills and points on the server are not in this PC&apos;s book, and what you write in it now does not reach the server. The next start tries the server again.</source>
        <translation>दुकान के सर्वर की जगह इस PC की अपनी ग्राहक बही खोलें?

ये दोनों बहियाँ अलग हैं: सर्वर वाले ग्राहक, बिल और पॉइंट इस PC की बही में नहीं हैं, और अभी इसमें जो लिखेंगे वह सर्वर तक नहीं पहुँचेगा। अगली बार खोलने पर ClientDesk फिर से सर्वर से जुड़ने की कोशिश करेगा।</translation>
    </message>
    <message>
        <source>This PC&apos;s own client book</source>
        <translation>इस PC की अपनी ग्राहक बही</translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <source>Where the client book lives</source>
        <translation>ग्राहक बही कहाँ रखी है</translation>
    </message>
    <message>
        <source>This PC (its own client book file)</source>
        <translation>यही PC (इसकी अपनी ग्राहक बही फ़ाइल)</translation>
    </message>
    <message>
        <source>The shop&apos;s server (one client book for every counter)</source>
        <translation>दुकान का सर्वर (सब काउंटरों के लिए एक ही ग्राहक बही)</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.10 or shop-pc</source>
        <translation>जैसे 192.168.1.10 या shop-pc</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>कनेक्शन जाँचें</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>पोर्ट</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>सर्वर</translation>
    </message>
    <message>
        <source>Client book (database name)</source>
        <translation>ग्राहक बही (डेटाबेस का नाम)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>यूज़र</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>पासवर्ड</translation>
    </message>
    <message>
        <source>e.g. Main Bazaar</source>
        <translation>जैसे मेन बाज़ार</translation>
    </message>
    <message>
        <source>e.g. Counter 1</source>
        <translation>जैसे काउंटर 1</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>शाखा</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>काउंटर</translation>
    </message>
    <message>
        <source>Save where the client book lives</source>
        <translation>ग्राहक बही की जगह सहेजें</translation>
    </message>
    <message>
        <source>The client book chosen here is opened from the next start.</source>
        <translation>यहाँ चुनी गई ग्राहक बही अगली बार खोलने से इस्तेमाल होगी।</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>अभी फिर से खोलें</translation>
    </message>
    <message>
        <source>This counter&apos;s names, printed on its bills and used to sort the insights by branch:</source>
        <translation>इस काउंटर के नाम, जो इसके बिलों पर छपते हैं और जानकारी को शाखा के हिसाब से छाँटने में काम आते हैं:</translation>
    </message>
    <message>
        <source>kept in this PC&apos;s keyring</source>
        <translation>इस PC की कीरिंग में रखा है</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>सहेज लिया।</translation>
    </message>
    <message>
        <source>Write the server&apos;s name or address.</source>
        <translation>सर्वर का नाम या पता लिखें।</translation>
    </message>
    <message>
        <source>Write the user name this counter connects as.</source>
        <translation>वह यूज़र नाम लिखें जिससे यह काउंटर जुड़ता है।</translation>
    </message>
    <message>
        <source>Write the name of the client book (the database) on the server.</source>
        <translation>सर्वर पर ग्राहक बही (डेटाबेस) का नाम लिखें।</translation>
    </message>
    <message>
        <source>The password could not be kept in this PC&apos;s keyring, so nothing was saved. Unlock the keyring (or install one) and save again.</source>
        <translation>पासवर्ड इस PC की कीरिंग में नहीं रखा जा सका, इसलिए कुछ भी सहेजा नहीं गया। कीरिंग खोलें (या कोई कीरिंग लगाएँ) और फिर से सहेजें।</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1 से जुड़ रहे हैं…</translation>
    </message>
</context>
<context>
    <name>ServerWatch</name>
    <message>
        <source>Reconnecting to the shop&apos;s server at %1…</source>
        <translation>दुकान के सर्वर (%1) से फिर जुड़ रहे हैं…</translation>
    </message>
    <message>
        <source>The shop&apos;s server is answering again.</source>
        <translation>दुकान का सर्वर फिर से जवाब दे रहा है।</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Shop</source>
        <translation>दुकान</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>नई भाषा अगली बार खोलने पर लागू होगी।</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>अभी फिर से शुरू करें</translation>
    </message>
    <message>
        <source> days</source>
        <translation> दिन</translation>
    </message>
    <message>
        <source>Language / भाषा</source>
        <translation>Language / भाषा</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>दुकान का नाम</translation>
    </message>
    <message>
        <source>Shop phone</source>
        <translation>दुकान का फ़ोन</translation>
    </message>
    <message>
        <source>Shop address</source>
        <translation>दुकान का पता</translation>
    </message>
    <message>
        <source>A client is lapsed after no purchase for</source>
        <translation>इतने समय खरीदारी न होने पर ग्राहक निष्क्रिय</translation>
    </message>
    <message>
        <source>Titles (comma separated)</source>
        <translation>संबोधन (कॉमा लगाकर)</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>सेटिंग्स सहेजें</translation>
    </message>
    <message>
        <source>Welcome and first steps…</source>
        <translation>स्वागत और पहले कदम…</translation>
    </message>
    <message>
        <source>The welcome page of the first start: the shop&apos;s details, then import clients, add the first one, or explore the demo desk</source>
        <translation>पहली बार खोलने वाला स्वागत पेज: दुकान की जानकारी, फिर ग्राहक इम्पोर्ट करें, पहला ग्राहक जोड़ें, या डेमो डेस्क देखें</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <source>The shop&apos;s phone number is not valid. Write it as you would dial it, e.g. 98765 43210.</source>
        <translation>दुकान का फ़ोन नंबर सही नहीं है। वैसे ही लिखें जैसे आप डायल करते हैं, जैसे 98765 43210।</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>सहेज दिया।</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Updating your client book for this version of ClientDesk.
A copy is kept first. This can take a minute; please wait.</source>
        <translation>ClientDesk के इस संस्करण के लिए आपकी ग्राहक बही अपडेट हो रही है।
पहले एक प्रति सुरक्षित रखी जाती है। इसमें एक मिनट लग सकता है; कृपया प्रतीक्षा करें।</translation>
    </message>
</context>
<context>
    <name>StateBox</name>
    <message>
        <source>All India (national festival dates)</source>
        <translation>पूरा भारत (राष्ट्रीय त्योहार तिथियाँ)</translation>
    </message>
</context>
<context>
    <name>States</name>
    <message>
        <source>Andaman and Nicobar Islands</source>
        <translation>अंडमान और निकोबार द्वीपसमूह</translation>
    </message>
    <message>
        <source>Andhra Pradesh</source>
        <translation>आंध्र प्रदेश</translation>
    </message>
    <message>
        <source>Arunachal Pradesh</source>
        <translation>अरुणाचल प्रदेश</translation>
    </message>
    <message>
        <source>Assam</source>
        <translation>असम</translation>
    </message>
    <message>
        <source>Bihar</source>
        <translation>बिहार</translation>
    </message>
    <message>
        <source>Chhattisgarh</source>
        <translation>छत्तीसगढ़</translation>
    </message>
    <message>
        <source>Chandigarh</source>
        <translation>चंडीगढ़</translation>
    </message>
    <message>
        <source>Dadra and Nagar Haveli and Daman and Diu</source>
        <translation>दादरा और नगर हवेली और दमन और दीव</translation>
    </message>
    <message>
        <source>Delhi</source>
        <translation>दिल्ली</translation>
    </message>
    <message>
        <source>Goa</source>
        <translation>गोवा</translation>
    </message>
    <message>
        <source>Gujarat</source>
        <translation>गुजरात</translation>
    </message>
    <message>
        <source>Himachal Pradesh</source>
        <translation>हिमाचल प्रदेश</translation>
    </message>
    <message>
        <source>Haryana</source>
        <translation>हरियाणा</translation>
    </message>
    <message>
        <source>Jharkhand</source>
        <translation>झारखंड</translation>
    </message>
    <message>
        <source>Jammu and Kashmir</source>
        <translation>जम्मू और कश्मीर</translation>
    </message>
    <message>
        <source>Karnataka</source>
        <translation>कर्नाटक</translation>
    </message>
    <message>
        <source>Kerala</source>
        <translation>केरल</translation>
    </message>
    <message>
        <source>Ladakh</source>
        <translation>लद्दाख</translation>
    </message>
    <message>
        <source>Lakshadweep</source>
        <translation>लक्षद्वीप</translation>
    </message>
    <message>
        <source>Maharashtra</source>
        <translation>महाराष्ट्र</translation>
    </message>
    <message>
        <source>Meghalaya</source>
        <translation>मेघालय</translation>
    </message>
    <message>
        <source>Manipur</source>
        <translation>मणिपुर</translation>
    </message>
    <message>
        <source>Madhya Pradesh</source>
        <translation>मध्य प्रदेश</translation>
    </message>
    <message>
        <source>Mizoram</source>
        <translation>मिज़ोरम</translation>
    </message>
    <message>
        <source>Nagaland</source>
        <translation>नागालैंड</translation>
    </message>
    <message>
        <source>Odisha</source>
        <translation>ओडिशा</translation>
    </message>
    <message>
        <source>Punjab</source>
        <translation>पंजाब</translation>
    </message>
    <message>
        <source>Puducherry</source>
        <translation>पुडुचेरी</translation>
    </message>
    <message>
        <source>Rajasthan</source>
        <translation>राजस्थान</translation>
    </message>
    <message>
        <source>Sikkim</source>
        <translation>सिक्किम</translation>
    </message>
    <message>
        <source>Tamil Nadu</source>
        <translation>तमिलनाडु</translation>
    </message>
    <message>
        <source>Tripura</source>
        <translation>त्रिपुरा</translation>
    </message>
    <message>
        <source>Telangana</source>
        <translation>तेलंगाना</translation>
    </message>
    <message>
        <source>Uttarakhand</source>
        <translation>उत्तराखंड</translation>
    </message>
    <message>
        <source>Uttar Pradesh</source>
        <translation>उत्तर प्रदेश</translation>
    </message>
    <message>
        <source>West Bengal</source>
        <translation>पश्चिम बंगाल</translation>
    </message>
</context>
<context>
    <name>TemplatesEditor</name>
    <message>
        <source>New template</source>
        <translation>नया टेम्पलेट</translation>
    </message>
    <message>
        <source>One per line: field = words used instead, e.g.
%1 = valued</source>
        <translation>हर लाइन में एक: फ़ील्ड = उसकी जगह लिखे जाने वाले शब्द, जैसे
%1 = सम्मानित</translation>
    </message>
    <message>
        <source>Insert field</source>
        <translation>फ़ील्ड डालें</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>सहेजें</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>For</source>
        <translation>किसके लिए</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>हिंदी</translation>
    </message>
    <message>
        <source>English</source>
        <translation>अंग्रेज़ी</translation>
    </message>
    <message>
        <source>Subject (email)</source>
        <translation>विषय (ईमेल)</translation>
    </message>
    <message>
        <source>If a field is empty</source>
        <translation>अगर कोई फ़ील्ड खाली हो</translation>
    </message>
    <message>
        <source>Live preview for a client</source>
        <translation>किसी ग्राहक के लिए झलक</translation>
    </message>
    <message>
        <source>any festival</source>
        <translation>कोई भी त्योहार</translation>
    </message>
    <message>
        <source>Restore original</source>
        <translation>मूल वापस लाएँ</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>My greeting</source>
        <translation>मेरी शुभकामना</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>सहेज दिया।</translation>
    </message>
    <message>
        <source>Put back the original text of “%1”?</source>
        <translation>“%1” का मूल टेक्स्ट वापस लाएँ?</translation>
    </message>
    <message>
        <source>Put back the original</source>
        <translation>मूल टेक्स्ट वापस लाएँ</translation>
    </message>
    <message>
        <source>Delete the template “%1”?</source>
        <translation>टेम्पलेट “%1” हटाएँ?</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>टेम्पलेट हटाएँ</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>टेम्पलेट</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>रहने दें</translation>
    </message>
    <message>
        <source>The original text is back.</source>
        <translation>मूल टेक्स्ट वापस आ गया।</translation>
    </message>
    <message>
        <source>Template “%1” deleted.</source>
        <translation>टेम्पलेट “%1” हटा दिया।</translation>
    </message>
    <message>
        <source>Choose a client to see the message as they would get it.</source>
        <translation>संदेश वैसा देखने के लिए जैसा ग्राहक को मिलेगा, एक ग्राहक चुनें।</translation>
    </message>
    <message>
        <source>Every field is filled.</source>
        <translation>हर फ़ील्ड भरा है।</translation>
    </message>
</context>
<context>
    <name>UpsellTab</name>
    <message>
        <source>All signals</source>
        <translation>सभी संकेत</translation>
    </message>
    <message>
        <source>Close to the next tier</source>
        <translation>अगले टियर के पास</translation>
    </message>
    <message>
        <source>Small pack bought again and again</source>
        <translation>छोटा पैक बार-बार खरीदा</translation>
    </message>
    <message>
        <source>Spending more</source>
        <translation>ज़्यादा खर्च</translation>
    </message>
    <message>
        <source>Coming more often</source>
        <translation>ज़्यादा बार आ रहे</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>ग्राहक</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>संकेत</translation>
    </message>
    <message>
        <source>Clients ready for more: close to the next loyalty tier, spending or visiting more, or buying a small pack again and again.</source>
        <translation>और खरीदने को तैयार ग्राहक: अगले लॉयल्टी टियर के पास, ज़्यादा खर्च करने या आने वाले, या छोटा पैक बार-बार खरीदने वाले।</translation>
    </message>
</context>
<context>
    <name>ValueTab</name>
    <message>
        <source>Group</source>
        <translation>समूह</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>ग्राहक</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>इसका मतलब</translation>
    </message>
    <message>
        <source>Recency, frequency and money (RFM): each client scores 1-5 on each, against the shop&apos;s own clients. Double-click a group to list it.</source>
        <translation>हाल, बार-बार और पैसा (RFM): हर ग्राहक को इन तीनों में दुकान के अपने ग्राहकों के मुकाबले 1-5 अंक मिलते हैं। सूची देखने के लिए समूह पर डबल-क्लिक करें।</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Shop logo</source>
        <translation>दुकान का लोगो</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>तस्वीरें (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>DEMO desk: made-up clients, not your shop&apos;s — ClientDesk</source>
        <translation>डेमो डेस्क: काल्पनिक ग्राहक, आपकी दुकान के नहीं — ClientDesk</translation>
    </message>
    <message>
        <source>DEMO desk</source>
        <translation>डेमो डेस्क</translation>
    </message>
    <message>
        <source>Demo desk</source>
        <translation>डेमो डेस्क</translation>
    </message>
    <message>
        <source>This is already the demo desk.</source>
        <translation>यह पहले से ही डेमो डेस्क है।</translation>
    </message>
    <message>
        <source>The demo desk could not be started.</source>
        <translation>डेमो डेस्क खोला नहीं जा सका।</translation>
    </message>
    <message>
        <source>Preparing the demo desk (%1 made-up clients)…</source>
        <translation>डेमो डेस्क तैयार हो रहा है (%1 काल्पनिक ग्राहक)…</translation>
    </message>
    <message>
        <source>The demo desk could not be prepared.</source>
        <translation>डेमो डेस्क तैयार नहीं हो सका।</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to ClientDesk</source>
        <translation>ClientDesk में आपका स्वागत है</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>e.g. Sharma General Store</source>
        <translation>जैसे शर्मा जनरल स्टोर</translation>
    </message>
    <message>
        <source>e.g. 98765 43210</source>
        <translation>जैसे 98765 43210</translation>
    </message>
    <message>
        <source>e.g. 12, Station Road, Pune 411001</source>
        <translation>जैसे 12, स्टेशन रोड, पुणे 411001</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>ज़रूरी नहीं</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>चुनें…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Language / भाषा</source>
        <translation>Language / भाषा</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>दुकान का नाम</translation>
    </message>
    <message>
        <source>Shop phone</source>
        <translation>दुकान का फ़ोन</translation>
    </message>
    <message>
        <source>State</source>
        <translation>राज्य</translation>
    </message>
    <message>
        <source>Festival dates differ from state to state.</source>
        <translation>त्योहारों की तारीखें हर राज्य में अलग होती हैं।</translation>
    </message>
    <message>
        <source>Printed on loyalty cards and greeting cards. PNG or JPG.</source>
        <translation>लॉयल्टी कार्ड और शुभकामना कार्ड पर छपता है। PNG या JPG।</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>पता</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>लोगो</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>अभी नहीं</translation>
    </message>
    <message>
        <source>Save and continue</source>
        <translation>सहेजें और आगे बढ़ें</translation>
    </message>
    <message>
        <source>Welcome to ClientDesk</source>
        <translation>ClientDesk में आपका स्वागत है</translation>
    </message>
    <message>
        <source>Your clients, loyalty points and greetings, on this computer. First, a few details about your shop: greetings are signed with its name and cards carry its phone and logo. You can change all of this later in Settings.</source>
        <translation>आपके ग्राहक, लॉयल्टी पॉइंट और शुभकामनाएँ, इसी कंप्यूटर पर। पहले अपनी दुकान के बारे में थोड़ी जानकारी दें: शुभकामनाओं के अंत में दुकान का नाम आता है और कार्ड पर उसका फ़ोन और लोगो छपता है। यह सब बाद में सेटिंग्स में बदल सकते हैं।</translation>
    </message>
    <message>
        <source>no logo</source>
        <translation>लोगो नहीं</translation>
    </message>
    <message>
        <source>This is too long: keep the name and phone under 200 characters, the address under 400.</source>
        <translation>यह बहुत लंबा है: नाम और फ़ोन 200 अक्षरों से कम, पता 400 अक्षरों से कम रखें।</translation>
    </message>
    <message>
        <source>Write the shop&apos;s name: every greeting is signed with it.</source>
        <translation>दुकान का नाम लिखें: हर शुभकामना के अंत में यही नाम आता है।</translation>
    </message>
    <message>
        <source>The shop&apos;s phone number is not valid. Write it as you would dial it, e.g. 98765 43210 or 0522 2345678.</source>
        <translation>दुकान का फ़ोन नंबर सही नहीं है। वैसे ही लिखें जैसे आप डायल करते हैं, जैसे 98765 43210 या 0522 2345678।</translation>
    </message>
    <message>
        <source>The logo could not be read: choose a PNG or JPG picture.</source>
        <translation>लोगो खुल नहीं सका: PNG या JPG तस्वीर चुनें।</translation>
    </message>
    <message>
        <source>Saved: %1. Greetings will be signed with this name.</source>
        <translation>सहेज लिया: %1। शुभकामनाओं के अंत में यही नाम आएगा।</translation>
    </message>
    <message>
        <source>Bring in your clients</source>
        <translation>अपने ग्राहक लाएँ</translation>
    </message>
    <message>
        <source>Import the list you already keep: an Excel sheet (.xlsx, .xls, .csv) or the contacts of your phone (.vcf, Google Contacts). Columns in Hindi or English are recognised, and you see every row before anything is saved.</source>
        <translation>जो सूची आप पहले से रखते हैं, उसे इम्पोर्ट करें: Excel शीट (.xlsx, .xls, .csv) या फ़ोन के कॉन्टैक्ट (.vcf, Google Contacts)। हिंदी या अंग्रेज़ी के कॉलम पहचाने जाते हैं, और कुछ भी सहेजने से पहले आप हर पंक्ति देख सकते हैं।</translation>
    </message>
    <message>
        <source>Import Excel or contacts…</source>
        <translation>Excel या कॉन्टैक्ट इम्पोर्ट करें…</translation>
    </message>
    <message>
        <source>Add your first client</source>
        <translation>पहला ग्राहक जोड़ें</translation>
    </message>
    <message>
        <source>Start with one client: name and mobile number are enough. Add the others as they come to the counter (Ctrl+N).</source>
        <translation>एक ग्राहक से शुरू करें: नाम और मोबाइल नंबर काफ़ी हैं। बाकी ग्राहकों को काउंटर पर आते ही जोड़ते जाएँ (Ctrl+N)।</translation>
    </message>
    <message>
        <source>Add the first client…</source>
        <translation>पहला ग्राहक जोड़ें…</translation>
    </message>
    <message>
        <source>Look around first</source>
        <translation>पहले घूमकर देखें</translation>
    </message>
    <message>
        <source>Open a separate demo desk with 300 made-up clients, two years of bills, loyalty cards and greetings, in its own window. Nothing there touches your shop&apos;s desk.</source>
        <translation>अलग विंडो में एक डेमो डेस्क खोलें: 300 काल्पनिक ग्राहक, दो साल के बिल, लॉयल्टी कार्ड और शुभकामनाएँ। वहाँ का कुछ भी आपकी दुकान के डेस्क को नहीं छूता।</translation>
    </message>
    <message>
        <source>Explore the demo desk</source>
        <translation>डेमो डेस्क देखें</translation>
    </message>
    <message>
        <source>Go to my desk</source>
        <translation>मेरे डेस्क पर चलें</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>पीछे</translation>
    </message>
    <message>
        <source>How would you like to start?</source>
        <translation>आप कैसे शुरू करना चाहेंगे?</translation>
    </message>
</context>
<context>
    <name>WinbackTab</name>
    <message>
        <source>Client</source>
        <translation>ग्राहक</translation>
    </message>
    <message>
        <source>Usual gap (days)</source>
        <translation>आम अंतर (दिन)</translation>
    </message>
    <message>
        <source>Away (days)</source>
        <translation>नहीं आए (दिन)</translation>
    </message>
    <message>
        <source>Lifetime spend</source>
        <translation>अब तक का कुल खर्च</translation>
    </message>
    <message>
        <source>Send a greeting to all of them…</source>
        <translation>इन सबको शुभकामना भेजें…</translation>
    </message>
    <message>
        <source>Show in client list</source>
        <translation>ग्राहक सूची में दिखाएँ</translation>
    </message>
    <message>
        <source>%1 regular clients have been away for more than twice their usual gap.</source>
        <translation>%1 नियमित ग्राहक अपने आम अंतर के दुगने से ज़्यादा समय से नहीं आए।</translation>
    </message>
</context>
<context>
    <name>_HistoryTab</name>
    <message>
        <source>Save the client first.</source>
        <translation>पहले ग्राहक को सहेजें।</translation>
    </message>
</context>
</TS>
