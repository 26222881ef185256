<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BatchImportDialog</name>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="149"/>
        <source>批量导入订单</source>
        <translation>Import orders in bulk</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="152"/>
        <source>订单导出文件（CSV 或 XLSX）</source>
        <translation>Order export file (CSV or XLSX)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="154"/>
        <location filename="../../seller_app/ui/batch_dialog.py" line="164"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="161"/>
        <source>可选：淘宝宝贝报表，按订单编号补上商品名称和数量</source>
        <translation>Optional: the Taobao items report, to add each order&apos;s goods and quantity</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="171"/>
        <source>自动识别</source>
        <translation>Detect automatically</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="175"/>
        <source>按表中“问题类型”列</source>
        <translation>From the &quot;problem type&quot; column</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="180"/>
        <source>表中没有运费列时填写，单位元</source>
        <translation>If the file has no service-fee column, in yuan</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="182"/>
        <source>表中没有重量列时填写，单位 kg</source>
        <translation>If the file has no weight column, in kg</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="185"/>
        <source>表中没有发货时间时填写，例如 2026-11-11；不填则按付款时间计（偏保守）</source>
        <translation>When the file has no posting time, e.g. 2026-11-11; left empty, the payment time is used (conservative)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="193"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="194"/>
        <source>宝贝报表</source>
        <translation>Items report</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="195"/>
        <source>映射</source>
        <translation>Mapping</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="196"/>
        <source>问题类型</source>
        <translation>Problem type</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="197"/>
        <source>运费（元）</source>
        <translation>Service fee (yuan)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="198"/>
        <source>重量（kg）</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="199"/>
        <source>发货日期</source>
        <translation>Posting date</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="201"/>
        <source>请选择订单导出文件。</source>
        <translation>Choose an order export file.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="208"/>
        <source>开始导入</source>
        <translation>Start import</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="212"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="228"/>
        <source>选择订单导出文件</source>
        <translation>Choose an order export file</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="228"/>
        <location filename="../../seller_app/ui/batch_dialog.py" line="236"/>
        <source>订单导出 (*.csv *.xlsx)</source>
        <translation>Order exports (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="236"/>
        <source>选择宝贝报表</source>
        <translation>Choose the items report</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="252"/>
        <source>不是有效数字：%s</source>
        <translation>Not a valid number: %s</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="261"/>
        <source>不是有效的发货日期（例如 2026-11-11，且不晚于今天）：%s</source>
        <translation>Not a valid posting date (e.g. 2026-11-11, not after today): %s</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="304"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="304"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="304"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="325"/>
        <source>共 %d 行；预览前 %d 行中 %d 行有问题（红色）。</source>
        <translation>%d rows; of the first %d previewed, %d have problems (red).</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="383"/>
        <source>正在生成索赔…</source>
        <translation>Preparing claims…</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="383"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="384"/>
        <source>批量导入</source>
        <translation>Bulk import</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/batch_dialog.py" line="477"/>
        <source>导入失败：%s</source>
        <translation>Import failed: %s</translation>
    </message>
</context>
<context>
    <name>CaseTable</name>
    <message>
        <location filename="../../seller_app/ui/widgets/case_table.py" line="40"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/widgets/case_table.py" line="41"/>
        <source>待提交</source>
        <translation>To file</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/widgets/case_table.py" line="42"/>
        <source>已提交</source>
        <translation>Filed</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/widgets/case_table.py" line="43"/>
        <source>快递已答复</source>
        <translation>Courier answered</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/widgets/case_table.py" line="44"/>
        <source>已谈妥</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/widgets/case_table.py" line="45"/>
        <source>已投诉升级</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/widgets/case_table.py" line="46"/>
        <location filename="../../seller_app/ui/widgets/case_table.py" line="64"/>
        <source>已赔付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/widgets/case_table.py" line="47"/>
        <source>被拒赔</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/widgets/case_table.py" line="48"/>
        <source>已结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/widgets/case_table.py" line="59"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/widgets/case_table.py" line="60"/>
        <source>快递单号</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/widgets/case_table.py" line="61"/>
        <source>快递公司</source>
        <translation>Courier</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/widgets/case_table.py" line="62"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/widgets/case_table.py" line="63"/>
        <source>索赔金额</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/widgets/case_table.py" line="65"/>
        <source>下一个期限</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/widgets/case_table.py" line="66"/>
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
</context>
<context>
    <name>ClaimWizard</name>
    <message>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="74"/>
        <source>&lt; 上一步</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="75"/>
        <source>下一步 &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="76"/>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="77"/>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="270"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="97"/>
        <source>索赔向导</source>
        <translation>Claim wizard</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="182"/>
        <source>保存失败</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="239"/>
        <source>关闭向导</source>
        <translation>Close the wizard</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="240"/>
        <source>要关闭索赔向导吗？</source>
        <translation>Close the claim wizard?</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="242"/>
        <source>保存草稿后，可以在案件列表里双击这条草稿，从当前这一步继续。</source>
        <translation>If you keep the draft, double-click it in the case list to continue from this step.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="245"/>
        <source>保存草稿并关闭</source>
        <translation>Keep draft and close</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="246"/>
        <source>放弃并删除草稿</source>
        <translation>Discard and delete the draft</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="247"/>
        <source>继续填写</source>
        <translation>Keep working</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="250"/>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="263"/>
        <source>关闭案件</source>
        <translation>Close the case</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="251"/>
        <source>这个案件有还没保存的修改。</source>
        <translation>This case has changes that are not saved yet.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="253"/>
        <source>案件状态：%1。不保存的话，案件保持打开前的样子。</source>
        <translation>Case status: %1. If you do not save, the case stays as it was before you opened it.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="258"/>
        <source>保存修改并关闭</source>
        <translation>Save the changes and close</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="259"/>
        <source>不保存，直接关闭</source>
        <translation>Close without saving</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="260"/>
        <source>继续编辑</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="264"/>
        <source>要关闭这个案件吗？</source>
        <translation>Close this case?</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="266"/>
        <source>案件状态：%1。这次没有修改任何内容。</source>
        <translation>Case status: %1. Nothing was changed this time.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/claim_wizard.py" line="270"/>
        <source>继续查看</source>
        <translation>Keep looking</translation>
    </message>
</context>
<context>
    <name>CompensationPage</name>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="37"/>
        <source>赔偿结果</source>
        <translation>Compensation</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="92"/>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="243"/>
        <source>赔偿规则</source>
        <translation>Compensation rules</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="202"/>
        <source>可以索赔</source>
        <translation>You can claim</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="205"/>
        <source>按条款不能获得赔偿</source>
        <translation>No compensation under the terms</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="209"/>
        <source>处理方式</source>
        <translation>Treated as</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="216"/>
        <source>按民法典可主张的实际损失</source>
        <translation>Actual loss claimable under the Civil Code</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="223"/>
        <source>原因</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="224"/>
        <source>需要注意</source>
        <translation>Watch out</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="225"/>
        <source>建议</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="226"/>
        <source>计算过程</source>
        <translation>How it was calculated</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="241"/>
        <source>依据条款</source>
        <translation>Clauses relied on</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="245"/>
        <source>已核实</source>
        <translation>verified</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="245"/>
        <source>未核实，请以快递公司现行条款为准</source>
        <translation>not verified; the courier&apos;s current terms prevail</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="39"/>
        <source>默认按快递公司自己的条款计算；未保价时可按实际损失索赔。两种金额和依据如下。</source>
        <translation>By default the courier&apos;s own terms are used; an uninsured parcel can be claimed at its actual loss. Both figures and why are shown below.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="65"/>
        <source>按实际损失</source>
        <translation>The actual loss</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="67"/>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="211"/>
        <source>按快递公司条款</source>
        <translation>The courier&apos;s terms</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="157"/>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="164"/>
        <source>索赔 %1</source>
        <translation>Claim %1</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="159"/>
        <source>按%1算出的金额，快递公司通常先按这个数赔。</source>
        <translation>The figure under %1: what the courier usually offers first.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="167"/>
        <source>未保价快件按民事法律赔偿实际损失（货物损失加运费）；快递公司的赔偿上限是格式条款。</source>
        <translation>Uninsured parcels are settled under civil law at the actual loss (goods lost plus freight); the courier&apos;s cap is a standard term.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="172"/>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="174"/>
        <source>已保价的按保价规则赔偿；只退运费或不予赔偿时没有实际损失金额。</source>
        <translation>Insured parcels are paid under the insurance rules; a fee refund or a refusal has no actual-loss figure.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="210"/>
        <source>索赔金额</source>
        <translation>Amount claimed</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="212"/>
        <source>其中：退还运费</source>
        <translation>of which: fee refund</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/result_page.py" line="213"/>
        <source>其中：货物赔偿</source>
        <translation>of which: goods</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <location filename="../../seller_app/ui/app.py" line="89"/>
        <source>正在打开案件库…</source>
        <translation>Opening the case store…</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/app.py" line="127"/>
        <source>案件库密码</source>
        <translation>Case store passphrase</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/app.py" line="132"/>
        <source>请输入案件库密码：</source>
        <translation>Enter the case store passphrase:</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/app.py" line="141"/>
        <source>请再输入一次确认。忘记这个密码，数据将无法恢复。</source>
        <translation>Enter it once more to confirm. If you forget this passphrase, the data cannot be recovered.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/app.py" line="150"/>
        <source>两次输入的密码不一致。</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/app.py" line="158"/>
        <source>无法打开案件库</source>
        <translation>Cannot open the case store</translation>
    </message>
</context>
<context>
    <name>DroppedFiles</name>
    <message>
        <location filename="../../seller_app/ui/wizard/files.py" line="28"/>
        <source>图片 (*.jpg *.jpeg *.png *.heic *.heif *.webp)</source>
        <translation>Pictures (*.jpg *.jpeg *.png *.heic *.heif *.webp)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/files.py" line="31"/>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/files.py" line="46"/>
        <source>找不到“%1”，可能已被移动或删除。</source>
        <translation>“%1” cannot be found; it may have been moved or deleted.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/files.py" line="55"/>
        <source>文件夹“%1”里没有照片。</source>
        <translation>There are no photos in the folder “%1”.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/files.py" line="63"/>
        <source>“%1”不是普通文件。</source>
        <translation>“%1” is not a regular file.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/files.py" line="67"/>
        <source>“%1”是视频。索赔单里只能放照片：请从视频里截取能看清问题的画面作为照片加入；视频原件请保存好，快递公司要求时再提供。</source>
        <translation>“%1” is a video. The claim form can hold photos only: take a still from the video that shows the problem clearly and add it as a photo; keep the original video safe and hand it over if the courier asks for it.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/files.py" line="75"/>
        <source>“%1”不是照片（只能添加 JPG、PNG、HEIC、WebP 图片）。</source>
        <translation>“%1” is not a photo (only JPG, PNG, HEIC and WebP pictures can be added).</translation>
    </message>
</context>
<context>
    <name>IncidentPage</name>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="90"/>
        <source>问题与货物</source>
        <translation>Problem and goods</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="91"/>
        <source>包裹出了什么问题，里面是什么货、值多少钱。</source>
        <translation>What went wrong with the parcel, what was in it and what it was worth.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="106"/>
        <source>全部损坏，没有价值了</source>
        <translation>Totally damaged, worthless</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="107"/>
        <source>部分损坏</source>
        <translation>Partly damaged</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="114"/>
        <source>收到的不是寄出的货</source>
        <translation>Not what was sent</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="115"/>
        <source>少了一部分</source>
        <translation>Some items missing</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="118"/>
        <source>延误让货物失去了价值（例如生鲜变质）</source>
        <translation>The delay made the goods worthless (e.g. fresh food spoiled)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="120"/>
        <source>损失了多少钱的货，例如 120</source>
        <translation>Value of goods lost, e.g. 120</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="125"/>
        <source>例如 40</source>
        <translation>e.g. 40</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="130"/>
        <source>坏货还能卖多少钱（可不填）</source>
        <translation>What the damaged goods can still fetch (optional)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="133"/>
        <source>未填写</source>
        <translation>Not entered</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="142"/>
        <source>具体情况</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="144"/>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="178"/>
        <source>损坏程度</source>
        <translation>How bad</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="145"/>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="179"/>
        <source>不符情况</source>
        <translation>What is wrong</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="146"/>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="180"/>
        <source>延误后果</source>
        <translation>Effect of the delay</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="267"/>
        <source>查询时间</source>
        <translation>Inquiry time</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="183"/>
        <source>残值（元）</source>
        <translation>Salvage (yuan)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="188"/>
        <source>例如 陶瓷餐具套装 12 件</source>
        <translation>e.g. ceramic tableware set, 12 pieces</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="193"/>
        <source>整票货物价值，例如 300</source>
        <translation>Value of the whole shipment, e.g. 300</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="196"/>
        <source>生鲜、易腐货物</source>
        <translation>Fresh or perishable goods</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="209"/>
        <source>用几句话说明经过，例如：买家签收后开箱发现 4 只碗碎裂，外箱一角压扁。</source>
        <translation>What happened, in a few words, e.g.: the buyer opened it and found 4 bowls broken, one corner of the box crushed.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="212"/>
        <source>问题是寄件时包装不当或货物本身造成的</source>
        <translation>Caused by poor packing when sent, or by the goods themselves</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="214"/>
        <source>问题是自然灾害等不可抗力造成的</source>
        <translation>Caused by force majeure such as a natural disaster</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="233"/>
        <source>出了什么问题</source>
        <translation>What went wrong</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="235"/>
        <source>货物名称</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="236"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="237"/>
        <source>货物价值（元）</source>
        <translation>Goods value (yuan)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="241"/>
        <source>经过说明</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="243"/>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="268"/>
        <source>特殊情况</source>
        <translation>Special cases</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="200"/>
        <source>已经向快递公司提交了索赔</source>
        <translation>The claim has already been sent to the courier</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="240"/>
        <source>提交时间</source>
        <translation>Sent at</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="136"/>
        <source>快递公司承诺了送达时间</source>
        <translation>The courier promised a delivery time</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="151"/>
        <source>元，或占货物价值的</source>
        <translation>yuan, or as a share of the goods value:</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="158"/>
        <source>填金额或比例都可以，另一个会自动算出。</source>
        <translation>Enter either the amount or the share; the other is worked out for you.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="160"/>
        <source>损失金额</source>
        <translation>Amount lost</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="163"/>
        <source>残值</source>
        <translation>Salvage value</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="174"/>
        <source>超过彻底延误时限仍未送到的，可按丢失索赔。</source>
        <translation>A parcel still undelivered past the final-delay limit can be claimed as lost.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="176"/>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="181"/>
        <source>承诺送达时间</source>
        <translation>Promised delivery</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="182"/>
        <source>损失</source>
        <translation>Loss</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="216"/>
        <source>已向快递公司查询过这个快件</source>
        <translation>I have inquired about this parcel with the courier</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="247"/>
        <source>价值证明</source>
        <translation>Proof of value</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="250"/>
        <source>有订单截图、发票等价值证明的，索赔时一并提交。</source>
        <translation>Send any order screenshot, invoice or other proof of value with the claim.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="261"/>
        <source>查询</source>
        <translation>Inquiry</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/incident_page.py" line="264"/>
        <source>寄出一年内查询过的，快递公司不能以一年内未查询为由免责。</source>
        <translation>Having inquired within a year of posting, the courier cannot refuse for lack of an inquiry.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="72"/>
        <location filename="../../seller_app/ui/main_window.py" line="150"/>
        <source>理赔助手</source>
        <translation>Claims Assistant</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="76"/>
        <source>＋ 新建索赔</source>
        <translation>+ New claim</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="83"/>
        <source>搜索单号、快递公司、问题…</source>
        <translation>Search tracking numbers, couriers, problems…</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="87"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="115"/>
        <source>还没有案件。点“新建索赔”，几分钟就能填好一份索赔单。</source>
        <translation>No cases yet. Click &quot;New claim&quot; and have a claim form ready in a few minutes.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="145"/>
        <source>所有资料只保存在这台电脑上。</source>
        <translation>Everything is kept on this computer only.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="163"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="164"/>
        <source>新建索赔(&amp;N)</source>
        <translation>&amp;New claim</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="169"/>
        <source>批量导入订单(&amp;B)…</source>
        <translation>Import &amp;orders in bulk…</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="175"/>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="179"/>
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="223"/>
        <source>载入案件失败</source>
        <translation>Could not load the cases</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="234"/>
        <source>今天有 %1 项索赔事项到期</source>
        <translation>%1 claim deadline(s) due today</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="251"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="252"/>
        <source>标记为</source>
        <translation>Mark as</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="265"/>
        <source>删除草稿…</source>
        <translation>Delete draft…</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="273"/>
        <source>不能改成这个状态</source>
        <translation>Cannot change to this status</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="293"/>
        <source>删除草稿</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="293"/>
        <source>删除后无法恢复。确定删除这个草稿吗？</source>
        <translation>This cannot be undone. Delete this draft?</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="305"/>
        <source>所有资料只保存在这台电脑上，买家信息加密保存。</source>
        <translation>Everything is kept on this computer only; buyer details are encrypted.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="316"/>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="317"/>
        <source>案件库还在打开，请稍后再试。</source>
        <translation>The case store is still opening; try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="278"/>
        <source>记录赔付金额</source>
        <translation>Record the amount paid</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="278"/>
        <source>快递公司实际赔付了多少元？</source>
        <translation>How many yuan did the courier actually pay?</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="287"/>
        <source>金额无效</source>
        <translation>Invalid amount</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/main_window.py" line="287"/>
        <source>请输入金额，例如 28.80</source>
        <translation>Enter an amount, e.g. 28.80</translation>
    </message>
</context>
<context>
    <name>OutputPage</name>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="48"/>
        <source>生成文件</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="49"/>
        <source>核对索赔单，保存后交给快递公司；把跟进期限加入日历。</source>
        <translation>Check the claim form, save it and hand it to the courier; put the follow-up deadlines in your calendar.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="61"/>
        <source>店铺（索赔人）</source>
        <translation>Shop (claimant)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="63"/>
        <source>店铺名称</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="64"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="65"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="78"/>
        <source>更新索赔单</source>
        <translation>Update the claim form</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="92"/>
        <source>保存索赔单 PDF…</source>
        <translation>Save claim form PDF…</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="95"/>
        <source>保存买家情况说明…</source>
        <translation>Save the buyer statement…</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="98"/>
        <source>加入日历（.ics）…</source>
        <translation>Add to calendar (.ics)…</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="108"/>
        <source>已经把索赔单交给快递公司了（标记为已提交）</source>
        <translation>I have handed the claim to the courier (mark as filed)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="117"/>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="228"/>
        <source>跟进期限</source>
        <translation>Follow-up deadlines</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="167"/>
        <source>正在生成索赔单…</source>
        <translation>Making the claim form…</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="191"/>
        <source>索赔单已生成，请核对下面的预览。</source>
        <translation>The claim form is ready; check the preview below.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="193"/>
        <source>索赔单模块还没有安装，暂时不能生成 PDF。</source>
        <translation>The claim-form module is not installed yet; no PDF can be made.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="210"/>
        <source>生成文件失败：%1</source>
        <translation>Could not make the documents: %1</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="226"/>
        <source>索赔申告单</source>
        <translation>Claim form</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="241"/>
        <source>未收到货物声明</source>
        <translation>Non-receipt declaration</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="242"/>
        <source>收货情况说明</source>
        <translation>Receipt statement</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="251"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="251"/>
        <source>日历文件 (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="254"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="254"/>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="268"/>
        <source>不能保存到软件自己的数据文件夹里，请换一个文件夹（例如桌面）。</source>
        <translation>Cannot save into the app&apos;s own data folder; please choose another folder (the desktop, for instance).</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="273"/>
        <source>这是一个文件夹</source>
        <translation>This is a folder</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="280"/>
        <source>无法保存到 %1：%2</source>
        <translation>Could not save to %1: %2</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="284"/>
        <source>已保存到 %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="324"/>
        <source>索赔单还在生成中，请稍等。</source>
        <translation>The claim form is still being made; please wait.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="68"/>
        <source>收款人</source>
        <translation>Payee</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="68"/>
        <source>户名</source>
        <translation>Account holder</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="69"/>
        <source>开户行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="69"/>
        <source>例如 招商银行杭州分行</source>
        <translation>e.g. China Merchants Bank, Hangzhou branch</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="70"/>
        <source>银行账号</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="70"/>
        <source>银行卡号</source>
        <translation>Account number</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="71"/>
        <source>支付宝</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/output_page.py" line="71"/>
        <source>手机号或邮箱（可代替银行账号）</source>
        <translation>Mobile number or e-mail (instead of a bank account)</translation>
    </message>
</context>
<context>
    <name>PhotosPage</name>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="52"/>
        <source>证据照片</source>
        <translation>Evidence photos</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="54"/>
        <source>外包装、面单、损坏的货物……照片越全，快递公司越难拒赔。可以把照片直接拖进来。</source>
        <translation>Outer box, waybill label, the damaged goods… the fuller the photos, the harder it is for the courier to refuse. You can drag photos in.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="59"/>
        <source>外包装</source>
        <translation>Outer package</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="60"/>
        <source>快递面单</source>
        <translation>Waybill label</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="61"/>
        <source>损坏的货物</source>
        <translation>Damaged item</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="62"/>
        <source>内包装</source>
        <translation>Inner packing</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="63"/>
        <source>内件全貌</source>
        <translation>Contents overview</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="64"/>
        <source>称重</source>
        <translation>Weighing</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="65"/>
        <source>聊天记录</source>
        <translation>Chat record</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="66"/>
        <source>物流详情截图</source>
        <translation>Tracking page screenshot</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="67"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="70"/>
        <source>添加照片…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="73"/>
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="78"/>
        <source>正在处理照片 %v / %m</source>
        <translation>Preparing photos %v / %m</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="95"/>
        <source>还没有照片。点“添加照片…”或把照片拖到这里。</source>
        <translation>No photos yet. Click &quot;Add photos…&quot; or drag photos here.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="106"/>
        <source>说明，例如：外箱右上角压扁</source>
        <translation>Caption, e.g.: top right corner of the box crushed</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="119"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="120"/>
        <source>说明</source>
        <translation>Caption</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="176"/>
        <source>网页上的图片不能直接拖进来：请先保存到电脑，再添加。</source>
        <translation>Pictures from a web page cannot be dropped here directly: save them to the computer first, then add them.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="181"/>
        <source>选择证据照片</source>
        <translation>Choose evidence photos</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="200"/>
        <source>“%1”已经添加过了。</source>
        <translation>“%1” has already been added.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="202"/>
        <source>上一批照片还在处理中，请等它处理完再添加。</source>
        <translation>The previous photos are still being processed; add more when they are done.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="249"/>
        <source>“%1”和已有的一张照片完全相同，没有重复添加。</source>
        <translation>“%1” is exactly the same as a photo already added; it was not added twice.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="258"/>
        <source>照片处理失败：%1</source>
        <translation>Could not prepare the photos: %1</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="331"/>
        <source>照片清单不可用。</source>
        <translation>The shot list is not available.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="334"/>
        <source>照片清单完成度 %1%</source>
        <translation>Shot list %1% complete</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="336"/>
        <source>已有：</source>
        <translation>Have: </translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="338"/>
        <source>还缺：</source>
        <translation>Still missing: </translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="340"/>
        <source>必需的照片都齐了。</source>
        <translation>All required photos are there.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/photos_page.py" line="239"/>
        <source>照片还在处理中，请稍等。</source>
        <translation>Photos are still being prepared; please wait.</translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <location filename="../../seller_app/ui/widgets/reminders.py" line="26"/>
        <source>提醒</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/widgets/reminders.py" line="52"/>
        <source>今天到期及逾期</source>
        <translation>Due today or overdue</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/widgets/reminders.py" line="54"/>
        <source>今天没有到期的事项</source>
        <translation>Nothing due today</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/widgets/reminders.py" line="57"/>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/widgets/reminders.py" line="59"/>
        <source>未来 7 天没有到期的事项</source>
        <translation>Nothing due in the next 7 days</translation>
    </message>
</context>
<context>
    <name>ScreenshotBox</name>
    <message>
        <location filename="../../seller_app/ui/wizard/screenshot_box.py" line="36"/>
        <source>从物流截图读取…</source>
        <translation>Read a tracking screenshot…</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/screenshot_box.py" line="39"/>
        <source>选择快递 App 或淘宝“物流详情”的截图，或签收底单，自动读出时间和签收人</source>
        <translation>Choose a screenshot of the courier app&apos;s or Taobao&apos;s tracking page, or a proof of delivery: the times and the signer are read from it</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/screenshot_box.py" line="79"/>
        <source>选择物流详情或签收底单截图</source>
        <translation>Choose a tracking page or proof-of-delivery screenshot</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/screenshot_box.py" line="92"/>
        <source>上一张截图还在读取中，请稍等。</source>
        <translation>The previous screenshot is still being read; please wait.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/screenshot_box.py" line="100"/>
        <source>正在读取截图…（第一次需要几秒钟）</source>
        <translation>Reading the screenshot… (the first one takes a few seconds)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/screenshot_box.py" line="117"/>
        <source>截图里没有读到物流信息。请换一张清楚的“物流详情”截图；面单照片请用“从面单照片读取…”。</source>
        <translation>No tracking information was found in the screenshot. Try a clearer screenshot of the tracking page; for a waybill label photo use “Read from a label photo…”.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/screenshot_box.py" line="124"/>
        <source>已从截图读取：%1。请核对标有“从截图读取”的内容。</source>
        <translation>Read from the screenshot: %1. Please check everything marked “read from the screenshot”.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/screenshot_box.py" line="126"/>
        <source>截图已作为证据加入第 3 步的照片。</source>
        <translation>The screenshot was added to the evidence photos of step 3.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/screenshot_box.py" line="128"/>
        <source>这张截图之前已经加入过证据。</source>
        <translation>This screenshot was already among the evidence.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/screenshot_box.py" line="136"/>
        <source>无法读取截图：%1</source>
        <translation>Cannot read the screenshot: %1</translation>
    </message>
</context>
<context>
    <name>ShipmentPage</name>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="90"/>
        <source>快件信息</source>
        <translation>Shipment</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="91"/>
        <source>出问题的那个包裹：快递单号、寄出时间和运费。单号可以填多个。</source>
        <translation>The parcel that went wrong: tracking number, when it was sent and the fee. You can enter several numbers.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="99"/>
        <source>例如 SF1234567890123，多个单号用逗号分开</source>
        <translation>e.g. SF1234567890123; separate several numbers with commas</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="103"/>
        <source>从面单照片读取…</source>
        <translation>Read from label photo…</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="105"/>
        <source>选一张快递面单照片，自动读出条码里的单号</source>
        <translation>Pick a photo of the waybill label to read the number from its barcode</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="115"/>
        <source>按单号自动识别</source>
        <translation>Detect from the number</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="123"/>
        <source>平台订单号（可不填）</source>
        <translation>Platform order number (optional)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="128"/>
        <source>未填写（点这里选择）</source>
        <translation>Not entered (click to choose)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="130"/>
        <source>例如 12.00</source>
        <translation>e.g. 12.00</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="132"/>
        <source>例如 2 或 0.5</source>
        <translation>e.g. 2 or 0.5</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="134"/>
        <source>寄件时办理了保价</source>
        <translation>Insured when sent</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="136"/>
        <source>保价金额，例如 1500</source>
        <translation>Insured value, e.g. 1500</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="138"/>
        <source>保价费，例如 6</source>
        <translation>Insurance fee, e.g. 6</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="150"/>
        <source>或把物流详情截图拖到这一页：自动填写单号、快递公司和寄出时间。</source>
        <translation>Or drop a tracking-page screenshot on this page: the number, courier and posting time are filled in.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="155"/>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="319"/>
        <source>快递单号</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="158"/>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="325"/>
        <source>快递公司</source>
        <translation>Courier</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="159"/>
        <source>订单号</source>
        <translation>Order number</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="160"/>
        <source>寄送范围</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="163"/>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="332"/>
        <source>寄出时间</source>
        <translation>Sent at</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="166"/>
        <source>快递员收件（揽收）的时间，见物流详情的第一条。</source>
        <translation>When the courier collected the parcel: the first entry of the tracking page.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="168"/>
        <source>运费（元）</source>
        <translation>Service fee (yuan)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="169"/>
        <source>计费重量（公斤）</source>
        <translation>Billed weight (kg)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="171"/>
        <source>保价金额（元）</source>
        <translation>Insured value (yuan)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="172"/>
        <source>保价费（元）</source>
        <translation>Insurance fee (yuan)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="204"/>
        <source>输入单号后自动识别快递公司</source>
        <translation>The courier is detected once you type a number</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="209"/>
        <source>无法从单号识别快递公司，请在下面选择</source>
        <translation>The courier cannot be told from the number; choose it below</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="211"/>
        <source>识别为：%1</source>
        <translation>Detected: %1</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="214"/>
        <source>（也可能是 %1，请确认）</source>
        <translation> (could also be %1; please confirm)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="216"/>
        <source>⚠ 所选快递公司与单号格式不符，请核对</source>
        <translation>⚠ The chosen courier does not match the number format; please check</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="218"/>
        <source>单号：%1</source>
        <translation>Numbers: %1</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="222"/>
        <source>⚠ 这个单号已有索赔案件（%1）。同一个包裹重复索赔会被快递公司拒绝；要补充材料，请在案件列表里打开原来的案件。</source>
        <translation>⚠ This tracking number already has a claim (%1). A second claim for the same parcel will be refused by the courier; to add material, open the original case from the case list.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="255"/>
        <source>从截图读取，请核对</source>
        <translation>Read from the screenshot; please check</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="266"/>
        <source>选择面单照片</source>
        <translation>Choose a label photo</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="339"/>
        <source>没有需要填写的空白项</source>
        <translation>no empty fields to fill in</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="348"/>
        <source>截图里的单号是 %1，和填写的不同，请核对。</source>
        <translation>The screenshot&apos;s tracking number is %1, not the one entered; please check.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="354"/>
        <source>截图显示揽收时间是 %1，和填写的寄出时间不同，请核对。</source>
        <translation>The screenshot shows the parcel collected %1, not the posting time entered; please check.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="277"/>
        <source>正在读取面单条码…</source>
        <translation>Reading the label barcode…</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="288"/>
        <source>照片里没有找到可读的条码，请手动输入单号。</source>
        <translation>No readable barcode in the photo; please type the number.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="297"/>
        <source>读取面单照片失败：%1</source>
        <translation>Could not read the label photo: %1</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="141"/>
        <source>我是这家快递的月结客户（按月结算运费）</source>
        <translation>I am this courier&apos;s monthly-account customer</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="145"/>
        <source>发货地址，例如 广东省潮州市湘桥区陶瓷路 8 号</source>
        <translation>Where it was sent from, e.g. 8 Taoci Rd, Xiangqiao, Chaozhou, Guangdong</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="148"/>
        <source>收货城市，例如 浙江省杭州市</source>
        <translation>Destination city, e.g. Hangzhou, Zhejiang</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="173"/>
        <source>月结</source>
        <translation>Monthly account</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="174"/>
        <source>寄件地址</source>
        <translation>Sent from</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/shipment_page.py" line="175"/>
        <source>目的地</source>
        <translation>Destination</translation>
    </message>
</context>
<context>
    <name>SignerPage</name>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="50"/>
        <source>签收核实</source>
        <translation>Who signed</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="51"/>
        <source>快递显示签收了吗？是谁签的？这决定了先找谁、按什么索赔。</source>
        <translation>Does tracking show it delivered? Who signed? That decides whom to settle with first and what to claim.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="74"/>
        <source>签收底单或签收照片上的名字（可不填）</source>
        <translation>Name on the proof of delivery or photo (optional)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="75"/>
        <source>知道签收时间</source>
        <translation>I know when it was signed for</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="77"/>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="118"/>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="122"/>
        <source>未填写</source>
        <translation>Not entered</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="87"/>
        <source>快递员离开前，收件人当面开箱验了货</source>
        <translation>The recipient opened and checked it before the courier left</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="89"/>
        <source>未经收件人同意，放进了快递柜或驿站</source>
        <translation>Left in a locker or pickup point without consent</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="108"/>
        <source>买家信息（印在索赔单上，加密保存在本机）</source>
        <translation>Buyer (printed on the claim form, kept encrypted on this computer)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="110"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="111"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="112"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="131"/>
        <source>买家申请售后的时间</source>
        <translation>When the buyer asked for after-sales</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="137"/>
        <source>平台介入的时间</source>
        <translation>When the platform stepped in</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="152"/>
        <source>或把签收底单、物流详情截图拖到这一页：自动填写签收人和签收时间。</source>
        <translation>Or drop a proof-of-delivery or tracking-page screenshot on this page: the signer and the signing time are filled in.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="155"/>
        <source>谁签收的</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="156"/>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="260"/>
        <source>签收人姓名</source>
        <translation>Signer&apos;s name</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="157"/>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="267"/>
        <source>签收时间</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="227"/>
        <source>选择签收人后，这里会告诉你接下来该怎么做。</source>
        <translation>Choose who signed and this box tells you what to do next.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="229"/>
        <source>✓ 签收情况没有问题，可以直接向快递公司索赔。</source>
        <translation>✓ Delivery looks fine; claim from the courier directly.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="255"/>
        <source>签收人</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="274"/>
        <source>没有需要填写的空白项</source>
        <translation>no empty fields to fill in</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="288"/>
        <source>从截图读取，请核对</source>
        <translation>Read from the screenshot; please check</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="291"/>
        <source>从截图读取：签收的不是买家本人。请向买家确认是否授权代收：授权了选“买家授权的人”，没有授权选“其他人（未经授权）”。</source>
        <translation>Read from the screenshot: the buyer did not sign in person. Ask the buyer whether they authorised it: if so choose “Someone the buyer authorised”, if not “Someone else (not authorised)”.</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="300"/>
        <source>截图显示：%1，和填写的不同，请核对</source>
        <translation>The screenshot shows %1, not what was entered; please check</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="124"/>
        <source>买家售后（可不填，填了会提醒平台的处理时限）</source>
        <translation>Buyer&apos;s after-sales request (optional; the platform&apos;s time limits are then tracked)</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="116"/>
        <source>买家已在平台申请售后</source>
        <translation>The buyer opened an after-sales request on the platform</translation>
    </message>
    <message>
        <location filename="../../seller_app/ui/wizard/signer_page.py" line="120"/>
        <source>平台已介入</source>
        <translation>The platform has stepped in</translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <location filename="../../seller_app/ui/wizard/steps.py" line="40"/>
        <source>第 %1 步 / 共 %2 步</source>
        <translation>Step %1 of %2</translation>
    </message>
</context>
<context>
    <name>WizardReasons</name>
    <message>
        <location filename="../../seller_app/ui/wizard/reasons.py" line="107"/>
        <source>⚠ 寄出时间和提交索赔的时间完全相同，通常是其中一个忘了改。寄出时间是快递员收件的时间，提交时间是把索赔交给快递公司的时间，请核对。</source>
        <translation>⚠ The posting time and the claim time are exactly the same; usually one of them was left unchanged. The posting time is when the courier collected the parcel, the claim time when the claim was sent to the courier; please check.</translation>
    </message>
</context>
</TS>
