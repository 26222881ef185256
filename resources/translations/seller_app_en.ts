<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BatchImportDialog</name>
    <message>
        <source>批量导入订单</source>
        <translation>Import orders in bulk</translation>
    </message>
    <message>
        <source>订单导出文件（CSV 或 XLSX）</source>
        <translation>Order export file (CSV or XLSX)</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>可选：淘宝宝贝报表，按订单编号补上商品名称和数量</source>
        <translation>Optional: the Taobao items report, to add each order&apos;s goods and quantity</translation>
    </message>
    <message>
        <source>自动识别</source>
        <translation>Detect automatically</translation>
    </message>
    <message>
        <source>按表中“问题类型”列</source>
        <translation>From the &quot;problem type&quot; column</translation>
    </message>
    <message>
        <source>表中没有运费列时填写，单位元</source>
        <translation>If the file has no service-fee column, in yuan</translation>
    </message>
    <message>
        <source>表中没有重量列时填写，单位 kg</source>
        <translation>If the file has no weight column, in kg</translation>
    </message>
    <message>
        <source>表中没有发货时间时填写，例如 2026-11-11；不填则按付款时间计（偏保守）</source>
        <translation>When the file has no posting time, e.g. 2026-11-11; left empty, the payment time is used (conservative)</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>宝贝报表</source>
        <translation>Items report</translation>
    </message>
    <message>
        <source>映射</source>
        <translation>Mapping</translation>
    </message>
    <message>
        <source>问题类型</source>
        <translation>Problem type</translation>
    </message>
    <message>
        <source>运费（元）</source>
        <translation>Service fee (yuan)</translation>
    </message>
    <message>
        <source>重量（kg）</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <source>发货日期</source>
        <translation>Posting date</translation>
    </message>
    <message>
        <source>请选择订单导出文件。</source>
        <translation>Choose an order export file.</translation>
    </message>
    <message>
        <source>开始导入</source>
        <translation>Start import</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选择订单导出文件</source>
        <translation>Choose an order export file</translation>
    </message>
    <message>
        <source>订单导出 (*.csv *.xlsx)</source>
        <translation>Order exports (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>选择宝贝报表</source>
        <translation>Choose the items report</translation>
    </message>
    <message>
        <source>不是有效数字：%s</source>
        <translation>Not a valid number: %s</translation>
    </message>
    <message>
        <source>不是有效的发货日期（例如 2026-11-11，且不晚于今天）：%s</source>
        <translation>Not a valid posting date (e.g. 2026-11-11, not after today): %s</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>共 %d 行；预览前 %d 行中 %d 行有问题（红色）。</source>
        <translation>%d rows; of the first %d previewed, %d have problems (red).</translation>
    </message>
    <message>
        <source>正在生成索赔…</source>
        <translation>Preparing claims…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>批量导入</source>
        <translation>Bulk import</translation>
    </message>
    <message>
        <source>导入失败：%s</source>
        <translation>Import failed: %s</translation>
    </message>
</context>
<context>
    <name>CaseTable</name>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>待提交</source>
        <translation>To file</translation>
    </message>
    <message>
        <source>已提交</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>快递已答复</source>
        <translation>Courier answered</translation>
    </message>
    <message>
        <source>已谈妥</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <source>已投诉升级</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>已赔付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>被拒赔</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>已结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>快递单号</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <source>快递公司</source>
        <translation>Courier</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>索赔金额</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <source>下一个期限</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>记录其他进展</source>
        <translation>Record other progress</translation>
    </message>
    <message>
        <source>添加备注…</source>
        <translation>Add a note…</translation>
    </message>
    <message>
        <source>结案…</source>
        <translation>Close the case…</translation>
    </message>
    <message>
        <source>查看或修改索赔内容…</source>
        <translation>View or change the claim…</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>When</translation>
    </message>
    <message>
        <source>进展</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>由谁记录</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>撤销所选记录…</source>
        <translation>Take back the selected entry…</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>What</translation>
    </message>
    <message>
        <source>已把日历导入手机或电脑的，记录进展后在“文件”里重新导出日历：原有提醒会被更新。</source>
        <translation>If you imported the calendar into your phone or computer, export it again from “Files” after recording progress: the reminders already there are updated.</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>时间线</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>接下来的期限</source>
        <translation>Coming deadlines</translation>
    </message>
    <message>
        <source>案件 %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <source>订单 %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <source>索赔 %1 · 已赔付 %2</source>
        <translation>Claimed %1 · paid %2</translation>
    </message>
    <message>
        <source>还没有提交给快递公司</source>
        <translation>Not sent to the courier yet</translation>
    </message>
    <message>
        <source>%1 提交</source>
        <translation>Sent %1</translation>
    </message>
    <message>
        <source>工单号 %1</source>
        <translation>ticket %1</translation>
    </message>
    <message>
        <source>（修改）</source>
        <translation> (correct)</translation>
    </message>
    <message>
        <source>先记录向快递公司投诉：12305 只受理已向快递公司投诉过的事项</source>
        <translation>Record the complaint to the courier first: 12305 only takes matters already complained about</translation>
    </message>
    <message>
        <source>先记录买家申请售后</source>
        <translation>Record the buyer’s request first</translation>
    </message>
    <message>
        <source>先记录向快递公司提交索赔</source>
        <translation>Record sending the claim to the courier first</translation>
    </message>
    <message>
        <source>已提交给快递公司…</source>
        <translation>Sent to the courier…</translation>
    </message>
    <message>
        <source>快递公司已答复…</source>
        <translation>Courier answered…</translation>
    </message>
    <message>
        <source>快递公司拒赔…</source>
        <translation>Courier refused…</translation>
    </message>
    <message>
        <source>快递公司提出金额…</source>
        <translation>Courier offered an amount…</translation>
    </message>
    <message>
        <source>同意赔偿方案…</source>
        <translation>Accept the offer…</translation>
    </message>
    <message>
        <source>收到赔款…</source>
        <translation>Money received…</translation>
    </message>
    <message>
        <source>向快递公司投诉…</source>
        <translation>Complain to the courier…</translation>
    </message>
    <message>
        <source>向 12305 申诉…</source>
        <translation>Appeal to 12305…</translation>
    </message>
    <message>
        <source>建立案件</source>
        <translation>Case created</translation>
    </message>
    <message>
        <source>状态改为：{text}</source>
        <translation>Status: {text}</translation>
    </message>
    <message>
        <source>撤销了：{text}</source>
        <translation>Taken back: {text}</translation>
    </message>
    <message>
        <source>备注：{text}</source>
        <translation>Note: {text}</translation>
    </message>
    <message>
        <source>没有待跟进的期限</source>
        <translation>No deadlines to follow</translation>
    </message>
    <message>
        <source>（顺延至 %1）</source>
        <translation>(extended to %1)</translation>
    </message>
    <message>
        <source>这条记录没有保存，填写的内容还在窗口里。</source>
        <translation>This entry was not saved; what you typed is still in the window.</translation>
    </message>
    <message>
        <source>已重新载入 %1 的修改（见后面的案件窗口）。你填写的内容还在：确认后再点“记录”，或点“取消”。</source>
        <translation>Reloaded with the changes made by %1 (see the case window behind). What you typed is still here: check it, then click “Record”, or “Cancel”.</translation>
    </message>
    <message>
        <source>已记录：%1。期限已按这一项重新计算。</source>
        <translation>Recorded: %1. The deadlines have been worked out again.</translation>
    </message>
    <message>
        <source>撤销这条记录…</source>
        <translation>Take back this entry…</translation>
    </message>
    <message>
        <source>撤销记录</source>
        <translation>Take back</translation>
    </message>
    <message>
        <source>撤销“%1”这条记录吗？期限会按撤销后的情况重新计算，案件状态不变。</source>
        <translation>Take back “%1”? The deadlines are worked out again without it; the case keeps its status.</translation>
    </message>
    <message>
        <source>不能撤销：%1</source>
        <translation>Cannot take it back: %1</translation>
    </message>
    <message>
        <source>已撤销。</source>
        <translation>Taken back.</translation>
    </message>
    <message>
        <source>备注（加密后保存在共享案件库里）：</source>
        <translation>Note (encrypted, then saved in the shared case store):</translation>
    </message>
    <message>
        <source>添加备注</source>
        <translation>Add a note</translation>
    </message>
    <message>
        <source>另一台电脑</source>
        <translation>another PC</translation>
    </message>
    <message>
        <source>已重新载入 %1 的修改。你刚才的修改没有保存，看过之后请再做一次。</source>
        <translation>Reloaded with the changes made by %1. Your change was not saved: look at theirs, then make it again.</translation>
    </message>
    <message>
        <source>备注（只保存在这台电脑上，加密保存）：</source>
        <translation>Note (kept on this computer only, encrypted):</translation>
    </message>
    <message>
        <source>备注没有保存：%1</source>
        <translation>The note was not saved: %1</translation>
    </message>
    <message>
        <source>结案</source>
        <translation>Close the case</translation>
    </message>
    <message>
        <source>把这个案件标记为已结案吗？结案后不再提醒它的期限。</source>
        <translation>Mark this case as closed? Its deadlines will no longer be reminded.</translation>
    </message>
</context>
<context>
    <name>ClaimWizard</name>
    <message>
        <source>&lt; 上一步</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>下一步 &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>索赔向导</source>
        <translation>Claim wizard</translation>
    </message>
    <message>
        <source>保存失败</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>你在向导里的修改没有保存。</source>
        <translation>Your changes in the wizard were not saved.</translation>
    </message>
    <message>
        <source>草稿没有保存，填写的内容都还在向导里。</source>
        <translation>The draft was not saved; everything you typed is still in the wizard.</translation>
    </message>
    <message>
        <source>关闭向导</source>
        <translation>Close the wizard</translation>
    </message>
    <message>
        <source>要关闭索赔向导吗？</source>
        <translation>Close the claim wizard?</translation>
    </message>
    <message>
        <source>保存草稿后，可以在案件列表里双击这条草稿，从当前这一步继续。</source>
        <translation>If you keep the draft, double-click it in the case list to continue from this step.</translation>
    </message>
    <message>
        <source>保存草稿并关闭</source>
        <translation>Keep draft and close</translation>
    </message>
    <message>
        <source>放弃并删除草稿</source>
        <translation>Discard and delete the draft</translation>
    </message>
    <message>
        <source>继续填写</source>
        <translation>Keep working</translation>
    </message>
    <message>
        <source>关闭案件</source>
        <translation>Close the case</translation>
    </message>
    <message>
        <source>这个案件有还没保存的修改。</source>
        <translation>This case has changes that are not saved yet.</translation>
    </message>
    <message>
        <source>案件状态：%1。不保存的话，案件保持打开前的样子。</source>
        <translation>Case status: %1. If you do not save, the case stays as it was before you opened it.</translation>
    </message>
    <message>
        <source>保存修改并关闭</source>
        <translation>Save the changes and close</translation>
    </message>
    <message>
        <source>不保存，直接关闭</source>
        <translation>Close without saving</translation>
    </message>
    <message>
        <source>继续编辑</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <source>要关闭这个案件吗？</source>
        <translation>Close this case?</translation>
    </message>
    <message>
        <source>案件状态：%1。这次没有修改任何内容。</source>
        <translation>Case status: %1. Nothing was changed this time.</translation>
    </message>
    <message>
        <source>继续查看</source>
        <translation>Keep looking</translation>
    </message>
</context>
<context>
    <name>CompensationPage</name>
    <message>
        <source>赔偿结果</source>
        <translation>Compensation</translation>
    </message>
    <message>
        <source>默认按快递公司自己的条款计算；未保价时可按实际损失索赔。两种金额和依据如下。</source>
        <translation>By default the courier&apos;s own terms are used; an uninsured parcel can be claimed at its actual loss. Both figures and why are shown below.</translation>
    </message>
    <message>
        <source>按实际损失</source>
        <translation>The actual loss</translation>
    </message>
    <message>
        <source>按快递公司条款</source>
        <translation>The courier&apos;s terms</translation>
    </message>
    <message>
        <source>赔偿规则</source>
        <translation>Compensation rules</translation>
    </message>
    <message>
        <source>索赔 %1</source>
        <translation>Claim %1</translation>
    </message>
    <message>
        <source>按%1算出的金额，快递公司通常先按这个数赔。</source>
        <translation>The figure under %1: what the courier usually offers first.</translation>
    </message>
    <message>
        <source>未保价快件按民事法律赔偿实际损失（货物损失加运费）；快递公司的赔偿上限是格式条款。</source>
        <translation>Uninsured parcels are settled under civil law at the actual loss (goods lost plus freight); the courier&apos;s cap is a standard term.</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>已保价的按保价规则赔偿；只退运费或不予赔偿时没有实际损失金额。</source>
        <translation>Insured parcels are paid under the insurance rules; a fee refund or a refusal has no actual-loss figure.</translation>
    </message>
    <message>
        <source>可以索赔</source>
        <translation>You can claim</translation>
    </message>
    <message>
        <source>按条款不能获得赔偿</source>
        <translation>No compensation under the terms</translation>
    </message>
    <message>
        <source>处理方式</source>
        <translation>Treated as</translation>
    </message>
    <message>
        <source>索赔金额</source>
        <translation>Amount claimed</translation>
    </message>
    <message>
        <source>其中：退还运费</source>
        <translation>of which: fee refund</translation>
    </message>
    <message>
        <source>其中：货物赔偿</source>
        <translation>of which: goods</translation>
    </message>
    <message>
        <source>按民法典可主张的实际损失</source>
        <translation>Actual loss claimable under the Civil Code</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>需要注意</source>
        <translation>Watch out</translation>
    </message>
    <message>
        <source>建议</source>
        <translation>What to do</translation>
    </message>
    <message>
        <source>计算过程</source>
        <translation>How it was calculated</translation>
    </message>
    <message>
        <source>依据条款</source>
        <translation>Clauses relied on</translation>
    </message>
    <message>
        <source>已核实</source>
        <translation>verified</translation>
    </message>
    <message>
        <source>未核实，请以快递公司现行条款为准</source>
        <translation>not verified; the courier&apos;s current terms prevail</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>理赔助手</source>
        <translation>Claims Assistant</translation>
    </message>
    <message>
        <source>正在连接共享案件库 %1…</source>
        <translation>Connecting to the shared case store %1…</translation>
    </message>
    <message>
        <source>案件库的密钥保存在系统钥匙串里，但现在无法使用钥匙串。请在桌面会话中登录（解锁钥匙串）后再打开理赔助手。</source>
        <translation>The case store’s key is in the system keychain, which cannot be reached now. Log in to a desktop session (unlocking the keychain) and open the app again.</translation>
    </message>
    <message>
        <source>无法打开案件库</source>
        <translation>The case store cannot be opened</translation>
    </message>
    <message>
        <source>案件库还没有打开：需要输入密码。</source>
        <translation>The case store is not open yet: it needs its password.</translation>
    </message>
    <message>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>DroppedFiles</name>
    <message>
        <source>图片 (*.jpg *.jpeg *.png *.heic *.heif *.webp)</source>
        <translation>Pictures (*.jpg *.jpeg *.png *.heic *.heif *.webp)</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>找不到“%1”，可能已被移动或删除。</source>
        <translation>“%1” cannot be found; it may have been moved or deleted.</translation>
    </message>
    <message>
        <source>文件夹“%1”里没有照片。</source>
        <translation>There are no photos in the folder “%1”.</translation>
    </message>
    <message>
        <source>“%1”不是普通文件。</source>
        <translation>“%1” is not a regular file.</translation>
    </message>
    <message>
        <source>“%1”是视频。索赔单里只能放照片：请从视频里截取能看清问题的画面作为照片加入；视频原件请保存好，快递公司要求时再提供。</source>
        <translation>“%1” is a video. The claim form can hold photos only: take a still from the video that shows the problem clearly and add it as a photo; keep the original video safe and hand it over if the courier asks for it.</translation>
    </message>
    <message>
        <source>“%1”不是照片（只能添加 JPG、PNG、HEIC、WebP 图片）。</source>
        <translation>“%1” is not a photo (only JPG, PNG, HEIC and WebP pictures can be added).</translation>
    </message>
</context>
<context>
    <name>EscalationDialog</name>
    <message>
        <source>%1已生成，并保存在案件的文件里。</source>
        <translation>%1 is ready and kept with the case’s files.</translation>
    </message>
    <message>
        <source>条件核对（“？”需要你自己确认）：</source>
        <translation>Conditions (confirm the ones marked “?” yourself):</translation>
    </message>
    <message>
        <source>纯文本（可复制到网上表单）：</source>
        <translation>Plain text (to paste into an online form):</translation>
    </message>
    <message>
        <source>复制文本</source>
        <translation>Copy text</translation>
    </message>
    <message>
        <source>打开 PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save PDF as…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>已复制，可以粘贴到网上表单里。</source>
        <translation>Copied: paste it into the online form.</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>发生时间</source>
        <translation>When it happened</translation>
    </message>
    <message>
        <source>（未填）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>提交渠道</source>
        <translation>Sent through</translation>
    </message>
    <message>
        <source>快递公司给的索赔单号或工单号（可不填）</source>
        <translation>The claim or ticket number the courier gave (optional)</translation>
    </message>
    <message>
        <source>投诉的工单号（可不填）</source>
        <translation>The complaint’s ticket number (optional)</translation>
    </message>
    <message>
        <source>工单号</source>
        <translation>Ticket number</translation>
    </message>
    <message>
        <source>例如 20 或 20.50</source>
        <translation>e.g. 20 or 20.50</translation>
    </message>
    <message>
        <source>快递公司提出的金额（元）</source>
        <translation>Amount offered (yuan)</translation>
    </message>
    <message>
        <source>实际收到的金额（元）</source>
        <translation>Amount received (yuan)</translation>
    </message>
    <message>
        <source>可不填，例如 客服电话里说的话</source>
        <translation>Optional, e.g. what the hotline said</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>在快递公司官网、小程序、网点或客服电话提交索赔后记录。快递公司的答复期限从提交时间起算。</source>
        <translation>Record this once the claim is sent on the courier’s website, mini program, at an outlet or by the hotline. The courier’s answer is due counting from that moment.</translation>
    </message>
    <message>
        <source>快递公司受理或答复了索赔（还没有给出金额）。</source>
        <translation>The courier took up or answered the claim (no amount yet).</translation>
    </message>
    <message>
        <source>快递公司明确拒绝赔偿。之后可以向它投诉。</source>
        <translation>The courier refused to pay. You can complain to it next.</translation>
    </message>
    <message>
        <source>快递公司提出了赔偿金额。金额低于索赔金额时，可以不同意并投诉。</source>
        <translation>The courier offered an amount. If it is below your claim you can refuse and complain.</translation>
    </message>
    <message>
        <source>你同意了快递公司的赔偿方案。快递公司应在 7 日内付款。</source>
        <translation>You accepted the courier’s offer. It should pay within 7 days.</translation>
    </message>
    <message>
        <source>收到了快递公司的赔款。</source>
        <translation>The courier’s compensation arrived.</translation>
    </message>
    <message>
        <source>向快递公司投诉（客服电话、官网投诉入口）。快递公司应在 7 日内处理；之后仍未解决，可以向邮政管理部门申诉（12305）。</source>
        <translation>A complaint to the courier (hotline, website complaint page). It should deal with it within 7 days; after that you can appeal to the postal regulator (12305).</translation>
    </message>
    <message>
        <source>向邮政管理部门申诉（12305 电话或网站）。邮政管理部门应在 30 日内答复。</source>
        <translation>An appeal to the postal regulator (12305 by phone or website). It should answer within 30 days.</translation>
    </message>
    <message>
        <source>买家在平台上申请了退款或售后。</source>
        <translation>The buyer asked for a refund or after-sales on the platform.</translation>
    </message>
    <message>
        <source>平台客服介入了买家的售后申请。</source>
        <translation>The platform stepped into the buyer’s request.</translation>
    </message>
    <message>
        <source>已经给买家退款或补发。</source>
        <translation>The buyer was refunded or sent a replacement.</translation>
    </message>
    <message>
        <source>这一项已经记录过：保存后以这次填写的为准。</source>
        <translation>This was recorded before: what you enter now replaces it.</translation>
    </message>
    <message>
        <source>请填写金额，例如 20。</source>
        <translation>Enter the amount, e.g. 20.</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>日历文件 (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
    <message>
        <source>压缩包 (*.zip)</source>
        <translation>Zip archives (*.zip)</translation>
    </message>
    <message>
        <source>理赔助手备份 (*.zip)</source>
        <translation>Seller Claims backups (*.zip)</translation>
    </message>
    <message>
        <source>放假安排 (*.toml *.json)</source>
        <translation>Holiday schedules (*.toml *.json)</translation>
    </message>
    <message>
        <source>文本文件 (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
</context>
<context>
    <name>FilesTab</name>
    <message>
        <source>文件</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>生成时间</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>快递公司不答复、压价或不付款时</source>
        <translation>When the courier does not answer, offers too little or does not pay</translation>
    </message>
    <message>
        <source>快递服务投诉书…</source>
        <translation>Complaint to the courier…</translation>
    </message>
    <message>
        <source>24 小时未答复、30 日未给方案、拒赔、压价或谈妥后不付款时，向快递公司投诉</source>
        <translation>Complain to the courier when it did not answer in 24 hours, made no offer in 30 days, refused, offered too little or did not pay what was agreed</translation>
    </message>
    <message>
        <source>12305 申诉书…</source>
        <translation>12305 appeal…</translation>
    </message>
    <message>
        <source>投诉 7 日后仍未解决，向邮政管理部门申诉（12305 电话或网站）</source>
        <translation>Appeal to the postal regulator (12305 by phone or website) when the complaint is unresolved after 7 days</translation>
    </message>
    <message>
        <source>民事起诉状（小额诉讼）…</source>
        <translation>Statement of claim (small claims)…</translation>
    </message>
    <message>
        <source>向法院起诉的起诉状提纲：当事人、诉讼请求、事实与理由、证据</source>
        <translation>An outline for suing in court: parties, claims, facts and reasons, evidence</translation>
    </message>
    <message>
        <source>导出日历（.ics）…</source>
        <translation>Export calendar (.ics)…</translation>
    </message>
    <message>
        <source>期限和提醒导入手机或电脑日历；再次导出会更新同一批事件，不会重复</source>
        <translation>The deadlines and reminders for your phone or computer calendar; exporting again updates the same events instead of adding copies</translation>
    </message>
    <message>
        <source>导出证据包…</source>
        <translation>Export evidence pack…</translation>
    </message>
    <message>
        <source>案件、照片原件和文件打包成一个 zip，可隐去买家信息</source>
        <translation>The case, original photos and documents in one zip, buyer details optionally hidden</translation>
    </message>
    <message>
        <source>这个案件保存的文件</source>
        <translation>Documents kept for this case</translation>
    </message>
    <message>
        <source>（还没有文件）</source>
        <translation>(no documents yet)</translation>
    </message>
    <message>
        <source>收货情况说明（买家签字）…</source>
        <translation>Receipt statement (buyer signs)…</translation>
    </message>
    <message>
        <source>买家收到了损坏、短少或错发的货物：请买家写明收到的情况并签字</source>
        <translation>The buyer received damaged, short or wrong goods: ask the buyer to describe what arrived and sign</translation>
    </message>
    <message>
        <source>未收到货物声明（买家签字）…</source>
        <translation>Non-receipt declaration (buyer signs)…</translation>
    </message>
    <message>
        <source>包裹被他人签收或未经同意放在快递柜、驿站：请买家声明没有收到</source>
        <translation>Someone else signed, or the parcel was left in a locker or station without consent: ask the buyer to declare it was not received</translation>
    </message>
    <message>
        <source>索赔申告单</source>
        <translation>Claim form</translation>
    </message>
    <message>
        <source>买家声明</source>
        <translation>Buyer statement</translation>
    </message>
    <message>
        <source>跟进日历</source>
        <translation>Follow-up calendar</translation>
    </message>
    <message>
        <source>快递服务投诉书</source>
        <translation>Complaint to the courier</translation>
    </message>
    <message>
        <source>邮政业用户申诉书（12305）</source>
        <translation>Postal appeal (12305)</translation>
    </message>
    <message>
        <source>民事起诉状（小额诉讼）</source>
        <translation>Statement of claim (small claims)</translation>
    </message>
    <message>
        <source>索赔申告单-%1.pdf</source>
        <translation>claim-form-%1.pdf</translation>
    </message>
    <message>
        <source>买家声明-%1.pdf</source>
        <translation>buyer-statement-%1.pdf</translation>
    </message>
    <message>
        <source>收货情况说明-%1.pdf</source>
        <translation>receipt-statement-%1.pdf</translation>
    </message>
    <message>
        <source>未收到货物声明-%1.pdf</source>
        <translation>non-receipt-declaration-%1.pdf</translation>
    </message>
    <message>
        <source>索赔期限-%1.ics</source>
        <translation>claim-deadlines-%1.ics</translation>
    </message>
    <message>
        <source>快递服务投诉书-%1.pdf</source>
        <translation>courier-complaint-%1.pdf</translation>
    </message>
    <message>
        <source>邮政业用户申诉书-%1.pdf</source>
        <translation>postal-appeal-%1.pdf</translation>
    </message>
    <message>
        <source>民事起诉状-%1.pdf</source>
        <translation>statement-of-claim-%1.pdf</translation>
    </message>
    <message>
        <source>证据包-%1.zip</source>
        <translation>evidence-pack-%1.zip</translation>
    </message>
    <message>
        <source>没有可以打开这个文件的程序：%1</source>
        <translation>No program can open this file: %1</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>已保存：%1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>未能生成：%1</source>
        <translation>Could not make it: %1</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Making it…</translation>
    </message>
    <message>
        <source>已生成并保存在案件里：%1</source>
        <translation>Made and kept with the case: %1</translation>
    </message>
    <message>
        <source>导出证据包</source>
        <translation>Export evidence pack</translation>
    </message>
    <message>
        <source>正在导出证据包…</source>
        <translation>Exporting the evidence pack…</translation>
    </message>
    <message>
        <source>证据包已导出：%1</source>
        <translation>Evidence pack exported: %1</translation>
    </message>
    <message>
        <source>证据包里要包含买家的姓名、电话和地址吗？</source>
        <translation>Include the buyer’s name, phone and address in the pack?</translation>
    </message>
    <message>
        <source>发给快递公司或平台时通常不需要买家信息，建议隐去。自己留档可以包含。</source>
        <translation>A pack for the courier or the platform usually needs no buyer details: hiding them is recommended. Keep them for your own records.</translation>
    </message>
    <message>
        <source>隐去买家信息</source>
        <translation>Hide buyer details</translation>
    </message>
    <message>
        <source>包含买家信息</source>
        <translation>Include buyer details</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>无法保存到 %1：%2</source>
        <translation>Cannot save to %1: %2</translation>
    </message>
</context>
<context>
    <name>IncidentPage</name>
    <message>
        <source>问题与货物</source>
        <translation>Problem and goods</translation>
    </message>
    <message>
        <source>包裹出了什么问题，里面是什么货、值多少钱。</source>
        <translation>What went wrong with the parcel, what was in it and what it was worth.</translation>
    </message>
    <message>
        <source>全部损坏，没有价值了</source>
        <translation>Totally damaged, worthless</translation>
    </message>
    <message>
        <source>部分损坏</source>
        <translation>Partly damaged</translation>
    </message>
    <message>
        <source>收到的不是寄出的货</source>
        <translation>Not what was sent</translation>
    </message>
    <message>
        <source>少了一部分</source>
        <translation>Some items missing</translation>
    </message>
    <message>
        <source>延误让货物失去了价值（例如生鲜变质）</source>
        <translation>The delay made the goods worthless (e.g. fresh food spoiled)</translation>
    </message>
    <message>
        <source>损失了多少钱的货，例如 120</source>
        <translation>Value of goods lost, e.g. 120</translation>
    </message>
    <message>
        <source>例如 40</source>
        <translation>e.g. 40</translation>
    </message>
    <message>
        <source>坏货还能卖多少钱（可不填）</source>
        <translation>What the damaged goods can still fetch (optional)</translation>
    </message>
    <message>
        <source>未填写</source>
        <translation>Not entered</translation>
    </message>
    <message>
        <source>快递公司承诺了送达时间</source>
        <translation>The courier promised a delivery time</translation>
    </message>
    <message>
        <source>具体情况</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>损坏程度</source>
        <translation>How bad</translation>
    </message>
    <message>
        <source>不符情况</source>
        <translation>What is wrong</translation>
    </message>
    <message>
        <source>延误后果</source>
        <translation>Effect of the delay</translation>
    </message>
    <message>
        <source>元，或占货物价值的</source>
        <translation>yuan, or as a share of the goods value:</translation>
    </message>
    <message>
        <source>填金额或比例都可以，另一个会自动算出。</source>
        <translation>Enter either the amount or the share; the other is worked out for you.</translation>
    </message>
    <message>
        <source>损失金额</source>
        <translation>Amount lost</translation>
    </message>
    <message>
        <source>残值</source>
        <translation>Salvage value</translation>
    </message>
    <message>
        <source>超过彻底延误时限仍未送到的，可按丢失索赔。</source>
        <translation>A parcel still undelivered past the final-delay limit can be claimed as lost.</translation>
    </message>
    <message>
        <source>承诺送达时间</source>
        <translation>Promised delivery</translation>
    </message>
    <message>
        <source>损失</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>残值（元）</source>
        <translation>Salvage (yuan)</translation>
    </message>
    <message>
        <source>例如 陶瓷餐具套装 12 件</source>
        <translation>e.g. ceramic tableware set, 12 pieces</translation>
    </message>
    <message>
        <source>整票货物价值，例如 300</source>
        <translation>Value of the whole shipment, e.g. 300</translation>
    </message>
    <message>
        <source>生鲜、易腐货物</source>
        <translation>Fresh or perishable goods</translation>
    </message>
    <message>
        <source>已经向快递公司提交了索赔</source>
        <translation>The claim has already been sent to the courier</translation>
    </message>
    <message>
        <source>用几句话说明经过，例如：买家签收后开箱发现 4 只碗碎裂，外箱一角压扁。</source>
        <translation>What happened, in a few words, e.g.: the buyer opened it and found 4 bowls broken, one corner of the box crushed.</translation>
    </message>
    <message>
        <source>问题是寄件时包装不当或货物本身造成的</source>
        <translation>Caused by poor packing when sent, or by the goods themselves</translation>
    </message>
    <message>
        <source>问题是自然灾害等不可抗力造成的</source>
        <translation>Caused by force majeure such as a natural disaster</translation>
    </message>
    <message>
        <source>已向快递公司查询过这个快件</source>
        <translation>I have inquired about this parcel with the courier</translation>
    </message>
    <message>
        <source>出了什么问题</source>
        <translation>What went wrong</translation>
    </message>
    <message>
        <source>货物名称</source>
        <translation>Goods</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>货物价值（元）</source>
        <translation>Goods value (yuan)</translation>
    </message>
    <message>
        <source>提交时间</source>
        <translation>Sent at</translation>
    </message>
    <message>
        <source>经过说明</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>特殊情况</source>
        <translation>Special cases</translation>
    </message>
    <message>
        <source>价值证明</source>
        <translation>Proof of value</translation>
    </message>
    <message>
        <source>有订单截图、发票等价值证明的，索赔时一并提交。</source>
        <translation>Send any order screenshot, invoice or other proof of value with the claim.</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Inquiry</translation>
    </message>
    <message>
        <source>寄出一年内查询过的，快递公司不能以一年内未查询为由免责。</source>
        <translation>Having inquired within a year of posting, the courier cannot refuse for lack of an inquiry.</translation>
    </message>
    <message>
        <source>查询时间</source>
        <translation>Inquiry time</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>理赔助手</source>
        <translation>Claims Assistant</translation>
    </message>
    <message>
        <source>＋ 新建索赔</source>
        <translation>+ New claim</translation>
    </message>
    <message>
        <source>搜索单号、快递公司、问题…</source>
        <translation>Search tracking numbers, couriers, problems…</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>输入密码…</source>
        <translation>Enter the password…</translation>
    </message>
    <message>
        <source>所有资料只保存在这台电脑上。</source>
        <translation>Everything is kept on this computer only.</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>新建索赔(&amp;N)</source>
        <translation>&amp;New claim</translation>
    </message>
    <message>
        <source>批量导入订单(&amp;B)…</source>
        <translation>Import &amp;orders in bulk…</translation>
    </message>
    <message>
        <source>导出所选案件的证据包(&amp;E)…</source>
        <translation>&amp;Export the selected case’s evidence pack…</translation>
    </message>
    <message>
        <source>备份全部数据(&amp;K)…</source>
        <translation>Bac&amp;k up all data…</translation>
    </message>
    <message>
        <source>从备份恢复(&amp;R)…</source>
        <translation>&amp;Restore from a backup…</translation>
    </message>
    <message>
        <source>导入国务院放假安排(&amp;H)…</source>
        <translation>Import the official &amp;holiday schedule…</translation>
    </message>
    <message>
        <source>软件自带的放假安排到 2026 年；之后每年 11 月国务院公布次年安排后可以导入</source>
        <translation>The app knows the holiday schedules up to 2026; import each later year’s once the State Council publishes it (usually in November)</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>案件(&amp;C)</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <source>打开所选案件(&amp;O)</source>
        <translation>&amp;Open the selected case</translation>
    </message>
    <message>
        <source>在向导中查看或修改(&amp;W)</source>
        <translation>View or change in the &amp;wizard</translation>
    </message>
    <message>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>共享案件库(&amp;S)…</source>
        <translation>&amp;Shared case store…</translation>
    </message>
    <message>
        <source>店里几台电脑用同一个案件库：连接店里局域网上的 PostgreSQL 服务器</source>
        <translation>Several PCs in the shop use one case store: connect to the PostgreSQL server on the shop’s LAN</translation>
    </message>
    <message>
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>共享案件库的备份请用命令行恢复：seller-claims cases restore 备份文件 --database 服务器地址</source>
        <translation>Restore a backup of the shared case store from the command line: seller-claims cases restore BACKUP-FILE --database SERVER-ADDRESS</translation>
    </message>
    <message>
        <source>正在打开案件库…</source>
        <translation>Opening the case store…</translation>
    </message>
    <message>
        <source>请在弹出的窗口中输入案件库密码。</source>
        <translation>Enter the case store’s password in the window that opened.</translation>
    </message>
    <message>
        <source>案件库还没有打开：需要输入密码。</source>
        <translation>The case store is not open yet: it needs its password.</translation>
    </message>
    <message>
        <source>无法打开案件库。</source>
        <translation>The case store cannot be opened.</translation>
    </message>
    <message>
        <source>正在从备份恢复，请稍候…</source>
        <translation>Restoring from the backup, please wait…</translation>
    </message>
    <message>
        <source>正在连接共享案件库…</source>
        <translation>Connecting to the shared case store…</translation>
    </message>
    <message>
        <source>无法打开共享案件库。</source>
        <translation>The shared case store cannot be opened.</translation>
    </message>
    <message>
        <source>请在弹出的窗口中输入店铺口令。</source>
        <translation>Enter the shop passphrase in the window that opened.</translation>
    </message>
    <message>
        <source>案件保存在共享案件库里；买家信息、备注、照片和文件先在这台电脑上加密再发送。</source>
        <translation>Cases are kept in the shared case store; buyer details, notes, photos and files are encrypted on this PC before they are sent.</translation>
    </message>
    <message>
        <source>所有资料只保存在这台电脑上，买家信息加密保存。</source>
        <translation>Everything is kept on this computer only; buyer details are encrypted.</translation>
    </message>
    <message>
        <source>重新连接</source>
        <translation>Reconnect</translation>
    </message>
    <message>
        <source>在本机案件库上工作</source>
        <translation>Work on this PC’s own store</translation>
    </message>
    <message>
        <source>共享案件库设置…</source>
        <translation>Shared case store settings…</translation>
    </message>
    <message>
        <source>共享案件库 %1</source>
        <translation>Shared case store %1</translation>
    </message>
    <message>
        <source>本机案件库（共享案件库未连接）</source>
        <translation>This PC’s own store (shared case store not connected)</translation>
    </message>
    <message>
        <source>还没有案件。点“新建索赔”，几分钟就能填好一份索赔单。</source>
        <translation>No cases yet. Click &quot;New claim&quot; and have a claim form ready in a few minutes.</translation>
    </message>
    <message>
        <source>案件列表没有更新；没有保存任何内容，也没有保存到别处。</source>
        <translation>The case list was not updated; nothing was saved, here or anywhere else.</translation>
    </message>
    <message>
        <source>载入案件失败</source>
        <translation>Could not load the cases</translation>
    </message>
    <message>
        <source>今天有 %1 项索赔事项到期</source>
        <translation>%1 claim deadline(s) due today</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>在向导中查看或修改</source>
        <translation>View or change in the wizard</translation>
    </message>
    <message>
        <source>标记为</source>
        <translation>Mark as</translation>
    </message>
    <message>
        <source>导出证据包…</source>
        <translation>Export evidence pack…</translation>
    </message>
    <message>
        <source>删除草稿…</source>
        <translation>Delete draft…</translation>
    </message>
    <message>
        <source>不能改成这个状态</source>
        <translation>Cannot change to this status</translation>
    </message>
    <message>
        <source>状态没有改。</source>
        <translation>The status was not changed.</translation>
    </message>
    <message>
        <source>记录赔付金额</source>
        <translation>Record the amount paid</translation>
    </message>
    <message>
        <source>快递公司实际赔付了多少元？</source>
        <translation>How many yuan did the courier actually pay?</translation>
    </message>
    <message>
        <source>金额无效</source>
        <translation>Invalid amount</translation>
    </message>
    <message>
        <source>请输入金额，例如 28.80</source>
        <translation>Enter an amount, e.g. 28.80</translation>
    </message>
    <message>
        <source>删除草稿</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <source>删除后无法恢复。确定删除这个草稿吗？</source>
        <translation>This cannot be undone. Delete this draft?</translation>
    </message>
    <message>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>案件库还在打开，请稍后再试。</source>
        <translation>The case store is still opening; try again in a moment.</translation>
    </message>
    <message>
        <source>打不开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>没有打开这个案件。</source>
        <translation>This case was not opened.</translation>
    </message>
    <message>
        <source>批量导入还在进行，请等它完成或取消。</source>
        <translation>A bulk import is still running: let it finish or cancel it.</translation>
    </message>
</context>
<context>
    <name>MovingOver</name>
    <message>
        <source>这台电脑的本机案件库里没有需要复制的案件。</source>
        <translation>This PC’s own store has no cases left to copy.</translation>
    </message>
    <message>
        <source>复制本机案件</source>
        <translation>Copy this PC’s cases</translation>
    </message>
    <message>
        <source>这台电脑的本机案件库里有 %1 个案件还没有复制到共享案件库。</source>
        <translation>This PC’s own store has %1 case(s) not yet copied to the shared case store.</translation>
    </message>
    <message>
        <source>这台电脑的本机案件库里有 %2 个草稿还没有复制到共享案件库。</source>
        <translation>This PC’s own store has %2 draft(s) not yet copied to the shared case store.</translation>
    </message>
    <message>
        <source>这台电脑的本机案件库里有 %1 个案件、%2 个草稿还没有复制到共享案件库。</source>
        <translation>This PC’s own store has %1 case(s) and %2 draft(s) not yet copied to the shared case store.</translation>
    </message>
    <message>
        <source>现在复制过去吗？案件连同进展、备注、照片和文件一起复制，本机案件库保持原样；已经复制过的不会重复复制。以后也可以在“设置 › 共享案件库”里复制。</source>
        <translation>Copy them now? Cases are copied with their progress, notes, photos and files, and this PC’s own store stays as it is; nothing already copied is copied twice. You can also copy them later from “Settings › Shared case store”.</translation>
    </message>
    <message>
        <source>复制过去</source>
        <translation>Copy them</translation>
    </message>
    <message>
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>正在复制本机案件到共享案件库…</source>
        <translation>Copying this PC’s cases to the shared case store…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在停止：等这个案件复制完…</source>
        <translation>Stopping: waiting for this case to finish copying…</translation>
    </message>
    <message>
        <source>正在复制本机案件到共享案件库… %1 / %2</source>
        <translation>Copying this PC’s cases to the shared case store… %1 / %2</translation>
    </message>
    <message>
        <source>已停止：复制了 %1 项。已复制的都完整地在共享案件库里；以后再复制时会从停下的地方继续，不会重复。</source>
        <translation>Stopped after copying %1 item(s). Everything copied is complete in the shared case store; copying again carries on where it stopped, without duplicates.</translation>
    </message>
    <message>
        <source>复制没有完成：%1
已复制的案件完整地在共享案件库里；再复制时会接着复制。</source>
        <translation>The copy did not finish: %1
The cases already copied are complete in the shared case store; copying again carries on from there.</translation>
    </message>
    <message>
        <source>已复制 %1 个案件、%2 个草稿到共享案件库。本机案件库保持原样。</source>
        <translation>Copied %1 case(s) and %2 draft(s) to the shared case store. This PC’s own store stays as it was.</translation>
    </message>
    <message>
        <source>%1 个案件以前已经复制过，没有重复复制。</source>
        <translation>%1 case(s) had been copied before and were not copied again.</translation>
    </message>
    <message>
        <source>下面这些快递单号在共享案件库里已有别的电脑建的案件，请确认是不是重复索赔：</source>
        <translation>These tracking numbers already have a case made by another PC in the shared case store; check that they are not claimed twice:</translation>
    </message>
    <message>
        <source>%1：复制成 #%2；已有 %3</source>
        <translation>%1: copied as #%2; already there: %3</translation>
    </message>
</context>
<context>
    <name>OutputPage</name>
    <message>
        <source>生成文件</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>核对索赔单，保存后交给快递公司；把跟进期限加入日历。</source>
        <translation>Check the claim form, save it and hand it to the courier; put the follow-up deadlines in your calendar.</translation>
    </message>
    <message>
        <source>店铺（索赔人）</source>
        <translation>Shop (claimant)</translation>
    </message>
    <message>
        <source>店铺名称</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>收款人</source>
        <translation>Payee</translation>
    </message>
    <message>
        <source>户名</source>
        <translation>Account holder</translation>
    </message>
    <message>
        <source>开户行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>例如 招商银行杭州分行</source>
        <translation>e.g. China Merchants Bank, Hangzhou branch</translation>
    </message>
    <message>
        <source>银行账号</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <source>银行卡号</source>
        <translation>Account number</translation>
    </message>
    <message>
        <source>支付宝</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>手机号或邮箱（可代替银行账号）</source>
        <translation>Mobile number or e-mail (instead of a bank account)</translation>
    </message>
    <message>
        <source>更新索赔单</source>
        <translation>Update the claim form</translation>
    </message>
    <message>
        <source>保存索赔单 PDF…</source>
        <translation>Save claim form PDF…</translation>
    </message>
    <message>
        <source>保存买家情况说明…</source>
        <translation>Save the buyer statement…</translation>
    </message>
    <message>
        <source>加入日历（.ics）…</source>
        <translation>Add to calendar (.ics)…</translation>
    </message>
    <message>
        <source>已经把索赔单交给快递公司了（标记为已提交）</source>
        <translation>I have handed the claim to the courier (mark as filed)</translation>
    </message>
    <message>
        <source>跟进期限</source>
        <translation>Follow-up deadlines</translation>
    </message>
    <message>
        <source>正在生成索赔单…</source>
        <translation>Making the claim form…</translation>
    </message>
    <message>
        <source>索赔单已生成，请核对下面的预览。</source>
        <translation>The claim form is ready; check the preview below.</translation>
    </message>
    <message>
        <source>索赔单模块还没有安装，暂时不能生成 PDF。</source>
        <translation>The claim-form module is not installed yet; no PDF can be made.</translation>
    </message>
    <message>
        <source>生成文件失败：%1</source>
        <translation>Could not make the documents: %1</translation>
    </message>
    <message>
        <source>索赔申告单</source>
        <translation>Claim form</translation>
    </message>
    <message>
        <source>未收到货物声明</source>
        <translation>Non-receipt declaration</translation>
    </message>
    <message>
        <source>收货情况说明</source>
        <translation>Receipt statement</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>日历文件 (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>不能保存到软件自己的数据文件夹里，请换一个文件夹（例如桌面）。</source>
        <translation>Cannot save into the app&apos;s own data folder; please choose another folder (the desktop, for instance).</translation>
    </message>
    <message>
        <source>这是一个文件夹</source>
        <translation>This is a folder</translation>
    </message>
    <message>
        <source>无法保存到 %1：%2</source>
        <translation>Could not save to %1: %2</translation>
    </message>
    <message>
        <source>已保存到 %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <source>索赔单还在生成中，请稍等。</source>
        <translation>The claim form is still being made; please wait.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>设置案件库密码</source>
        <translation>Set the case store password</translation>
    </message>
    <message>
        <source>打开案件库</source>
        <translation>Open the case store</translation>
    </message>
    <message>
        <source>设置备份密码</source>
        <translation>Set the backup password</translation>
    </message>
    <message>
        <source>输入备份密码</source>
        <translation>Backup password</translation>
    </message>
    <message>
        <source>显示密码</source>
        <translation>Show the password</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Once more</translation>
    </message>
    <message>
        <source>设置店铺口令</source>
        <translation>Set the shop passphrase</translation>
    </message>
    <message>
        <source>输入店铺口令</source>
        <translation>Enter the shop passphrase</translation>
    </message>
    <message>
        <source>更改店铺口令</source>
        <translation>Change the shop passphrase</translation>
    </message>
    <message>
        <source>显示口令</source>
        <translation>Show passphrase</translation>
    </message>
    <message>
        <source>现在的店铺口令</source>
        <translation>Current shop passphrase</translation>
    </message>
    <message>
        <source>设置密码并继续</source>
        <translation>Set the password and go on</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>开始备份</source>
        <translation>Back up</translation>
    </message>
    <message>
        <source>继续</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>设置口令并继续</source>
        <translation>Set passphrase and continue</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>更改口令</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>这台电脑没有可用的系统钥匙串，理赔助手会用你设置的密码加密保存买家信息。这是第一次使用，请设置一个新密码（输入两次），以后每次打开软件都要输入它。</source>
        <translation>This computer has no system keychain, so the app encrypts buyer details with a password you set. This is the first start: choose a new password (typed twice); you will enter it every time you open the app.</translation>
    </message>
    <message>
        <source>案件库用密码加密保存。请输入设置过的案件库密码。</source>
        <translation>The case store is encrypted with a password. Enter the password you set.</translation>
    </message>
    <message>
        <source>备份文件会用这个密码加密，可以放在 U 盘或网盘里。在这台或另一台电脑上恢复时需要输入它。</source>
        <translation>The backup is encrypted with this password, so it can go on a USB stick or a cloud drive. Restoring it, here or on another computer, needs the password.</translation>
    </message>
    <message>
        <source>请输入做这个备份时设置的备份密码。</source>
        <translation>Enter the password set when this backup was made.</translation>
    </message>
    <message>
        <source>这是第一台接入这个共享案件库的电脑。请为店铺设置一个店铺口令（输入两次）：它保护全店的数据密钥，买家信息、备注、照片和文件在离开这台电脑前用这把密钥加密。店里其他电脑第一次接入时要输入这个口令，之后就不用再输。</source>
        <translation>This is the first PC to join this shared case store. Set a shop passphrase (type it twice): it protects the whole shop’s data key, with which buyer details, notes, photos and files are encrypted before they leave this PC. Each other PC in the shop enters this passphrase once, the first time it joins.</translation>
    </message>
    <message>
        <source>这台电脑第一次接入这个共享案件库。请输入店铺口令（第一台接入的电脑设置的）：只需输入这一次，之后这台电脑会把店铺的密钥保存在系统钥匙串里。</source>
        <translation>This PC is joining this shared case store for the first time. Enter the shop passphrase (set on the first PC that joined): you enter it only this once; after that this PC keeps the shop’s key in the system keychain.</translation>
    </message>
    <message>
        <source>更改店铺口令后，已经接入的电脑照常使用，新接入的电脑要输入新口令。数据不会重新加密，所以它不能把已经接入的电脑拒之门外；有员工离职时，请同时在服务器上修改数据库密码。</source>
        <translation>After the change, PCs that have already joined carry on as before; PCs joining later enter the new passphrase. The data is not re-encrypted, so this does not lock out PCs that have already joined: when someone leaves the shop, also change the database password on the server.</translation>
    </message>
    <message>
        <source>店铺口令</source>
        <translation>Shop passphrase</translation>
    </message>
    <message>
        <source>新的店铺口令</source>
        <translation>New shop passphrase</translation>
    </message>
    <message>
        <source>店铺口令无法找回：忘记了，新电脑就再也接入不了共享案件库。请把它写下来，交给店主保管。</source>
        <translation>The shop passphrase cannot be recovered: if it is forgotten, no new PC can ever join the shared case store. Write it down and give it to the shop owner to keep.</translation>
    </message>
    <message>
        <source>密码无法找回：忘记了，加密的数据就再也打不开。请把密码写下来，放在安全的地方。</source>
        <translation>The password cannot be recovered: forget it and the encrypted data can never be opened again. Write it down and keep it somewhere safe.</translation>
    </message>
    <message>
        <source>请输入密码。</source>
        <translation>Enter a password.</translation>
    </message>
    <message>
        <source>请输入店铺口令。</source>
        <translation>Enter the shop passphrase.</translation>
    </message>
    <message>
        <source>店铺口令至少要 %1 个字符。</source>
        <translation>The shop passphrase must be at least %1 characters long.</translation>
    </message>
    <message>
        <source>密码至少要 %1 个字符。</source>
        <translation>The password needs at least %1 characters.</translation>
    </message>
    <message>
        <source>两次输入的店铺口令不一致，请重新输入。</source>
        <translation>The two shop passphrases differ; type them again.</translation>
    </message>
    <message>
        <source>两次输入的密码不一致，请重新输入。</source>
        <translation>The two passwords differ; type them again.</translation>
    </message>
    <message>
        <source>新的店铺口令和现在的一样。</source>
        <translation>The new shop passphrase is the same as the current one.</translation>
    </message>
    <message>
        <source>现在的店铺口令不正确，请重新输入。</source>
        <translation>The current shop passphrase is wrong; type it again.</translation>
    </message>
    <message>
        <source>店铺口令不正确，请重新输入。</source>
        <translation>The shop passphrase is wrong; type it again.</translation>
    </message>
    <message>
        <source>密码不正确，请重新输入。</source>
        <translation>The password is wrong; try again.</translation>
    </message>
</context>
<context>
    <name>PhotosPage</name>
    <message>
        <source>证据照片</source>
        <translation>Evidence photos</translation>
    </message>
    <message>
        <source>外包装、面单、损坏的货物……照片越全，快递公司越难拒赔。可以把照片直接拖进来。</source>
        <translation>Outer box, waybill label, the damaged goods… the fuller the photos, the harder it is for the courier to refuse. You can drag photos in.</translation>
    </message>
    <message>
        <source>外包装</source>
        <translation>Outer package</translation>
    </message>
    <message>
        <source>快递面单</source>
        <translation>Waybill label</translation>
    </message>
    <message>
        <source>损坏的货物</source>
        <translation>Damaged item</translation>
    </message>
    <message>
        <source>内包装</source>
        <translation>Inner packing</translation>
    </message>
    <message>
        <source>内件全貌</source>
        <translation>Contents overview</translation>
    </message>
    <message>
        <source>称重</source>
        <translation>Weighing</translation>
    </message>
    <message>
        <source>聊天记录</source>
        <translation>Chat record</translation>
    </message>
    <message>
        <source>物流详情截图</source>
        <translation>Tracking page screenshot</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>添加照片…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>正在处理照片 %v / %m</source>
        <translation>Preparing photos %v / %m</translation>
    </message>
    <message>
        <source>还没有照片。点“添加照片…”或把照片拖到这里。</source>
        <translation>No photos yet. Click &quot;Add photos…&quot; or drag photos here.</translation>
    </message>
    <message>
        <source>说明，例如：外箱右上角压扁</source>
        <translation>Caption, e.g.: top right corner of the box crushed</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Caption</translation>
    </message>
    <message>
        <source>网页上的图片不能直接拖进来：请先保存到电脑，再添加。</source>
        <translation>Pictures from a web page cannot be dropped here directly: save them to the computer first, then add them.</translation>
    </message>
    <message>
        <source>选择证据照片</source>
        <translation>Choose evidence photos</translation>
    </message>
    <message>
        <source>“%1”已经添加过了。</source>
        <translation>“%1” has already been added.</translation>
    </message>
    <message>
        <source>上一批照片还在处理中，请等它处理完再添加。</source>
        <translation>The previous photos are still being processed; add more when they are done.</translation>
    </message>
    <message>
        <source>照片还在处理中，请稍等。</source>
        <translation>Photos are still being prepared; please wait.</translation>
    </message>
    <message>
        <source>“%1”和已有的一张照片完全相同，没有重复添加。</source>
        <translation>“%1” is exactly the same as a photo already added; it was not added twice.</translation>
    </message>
    <message>
        <source>照片处理失败：%1</source>
        <translation>Could not prepare the photos: %1</translation>
    </message>
    <message>
        <source>照片清单不可用。</source>
        <translation>The shot list is not available.</translation>
    </message>
    <message>
        <source>照片清单完成度 %1%</source>
        <translation>Shot list %1% complete</translation>
    </message>
    <message>
        <source>已有：</source>
        <translation>Have: </translation>
    </message>
    <message>
        <source>还缺：</source>
        <translation>Still missing: </translation>
    </message>
    <message>
        <source>必需的照片都齐了。</source>
        <translation>All required photos are there.</translation>
    </message>
</context>
<context>
    <name>PhotosTab</name>
    <message>
        <source>这个案件没有证据照片</source>
        <translation>This case has no evidence photos</translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <source>提醒</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>今天到期及逾期</source>
        <translation>Due today or overdue</translation>
    </message>
    <message>
        <source>今天没有到期的事项</source>
        <translation>Nothing due today</translation>
    </message>
    <message>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>未来 7 天没有到期的事项</source>
        <translation>Nothing due in the next 7 days</translation>
    </message>
</context>
<context>
    <name>SaveProblems</name>
    <message>
        <source>没有保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>另一台电脑</source>
        <translation>another PC</translation>
    </message>
    <message>
        <source>案件已被修改</source>
        <translation>The case was changed</translation>
    </message>
    <message>
        <source>这个案件刚被 %1 修改过（%2）。</source>
        <translation>This case was just changed by %1 (%2).</translation>
    </message>
    <message>
        <source>你的这次修改没有保存。</source>
        <translation>Your change was not saved.</translation>
    </message>
    <message>
        <source>点“重新载入”看对方的修改（对方的内容不会丢失），然后再改一次。</source>
        <translation>Click “Reload” to see their change (nothing of theirs is lost), then make yours again.</translation>
    </message>
    <message>
        <source>重新载入</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>连不上共享案件库</source>
        <translation>The shared case store cannot be reached</translation>
    </message>
    <message>
        <source>刚才的修改没有保存，也没有保存到别处。</source>
        <translation>Your change was not saved, here or anywhere else.</translation>
    </message>
    <message>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>在本机案件库上工作</source>
        <translation>Work on this PC’s own store</translation>
    </message>
</context>
<context>
    <name>ScreenshotBox</name>
    <message>
        <source>从物流截图读取…</source>
        <translation>Read a tracking screenshot…</translation>
    </message>
    <message>
        <source>选择快递 App 或淘宝“物流详情”的截图，或签收底单，自动读出时间和签收人</source>
        <translation>Choose a screenshot of the courier app&apos;s or Taobao&apos;s tracking page, or a proof of delivery: the times and the signer are read from it</translation>
    </message>
    <message>
        <source>选择物流详情或签收底单截图</source>
        <translation>Choose a tracking page or proof-of-delivery screenshot</translation>
    </message>
    <message>
        <source>上一张截图还在读取中，请稍等。</source>
        <translation>The previous screenshot is still being read; please wait.</translation>
    </message>
    <message>
        <source>正在读取截图…（第一次需要几秒钟）</source>
        <translation>Reading the screenshot… (the first one takes a few seconds)</translation>
    </message>
    <message>
        <source>截图里没有读到物流信息。请换一张清楚的“物流详情”截图；面单照片请用“从面单照片读取…”。</source>
        <translation>No tracking information was found in the screenshot. Try a clearer screenshot of the tracking page; for a waybill label photo use “Read from a label photo…”.</translation>
    </message>
    <message>
        <source>已从截图读取：%1。请核对标有“从截图读取”的内容。</source>
        <translation>Read from the screenshot: %1. Please check everything marked “read from the screenshot”.</translation>
    </message>
    <message>
        <source>截图已作为证据加入第 3 步的照片。</source>
        <translation>The screenshot was added to the evidence photos of step 3.</translation>
    </message>
    <message>
        <source>这张截图之前已经加入过证据。</source>
        <translation>This screenshot was already among the evidence.</translation>
    </message>
    <message>
        <source>无法读取截图：%1</source>
        <translation>Cannot read the screenshot: %1</translation>
    </message>
</context>
<context>
    <name>SharedStoreDialog</name>
    <message>
        <source>共享案件库</source>
        <translation>Shared case store</translation>
    </message>
    <message>
        <source>店里有几台电脑处理售后时，可以把案件放在店里局域网上一台电脑或 NAS 的 PostgreSQL 数据库里：大家看到同一批案件，同一个单号不会被重复索赔，两个人同时改一个案件也不会互相覆盖。服务器怎么装、数据库怎么建，见使用说明的“共享案件库”一节。</source>
        <translation>When several PCs in the shop handle after-sales, the cases can live in a PostgreSQL database on a PC or NAS on the shop’s LAN: everyone sees the same cases, one tracking number is not claimed twice, and two people changing one case at the same time never overwrite each other. How to install the server and create the database: see the “Shared case store” section of the guide.</translation>
    </message>
    <message>
        <source>例如 192.168.1.20</source>
        <translation>e.g. 192.168.1.20</translation>
    </message>
    <message>
        <source>留空：用这台电脑钥匙串里保存的密码</source>
        <translation>Leave empty to use the password kept in this PC’s keychain</translation>
    </message>
    <message>
        <source>例如 前台、仓库电脑</source>
        <translation>e.g. Front desk, Warehouse PC</translation>
    </message>
    <message>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>密码连接成功后保存在这台电脑的系统钥匙串里，不写进设置文件。</source>
        <translation>Once connected, the password is kept in this PC’s system keychain, never in the settings file.</translation>
    </message>
    <message>
        <source>这台电脑的名字</source>
        <translation>This PC’s name</translation>
    </message>
    <message>
        <source>其他电脑上显示“这个案件刚被 某某 修改过”时用这个名字。</source>
        <translation>Other PCs show this name in “This case was just changed by …”.</translation>
    </message>
    <message>
        <source>其他连接参数：%1</source>
        <translation>Other connection parameters: %1</translation>
    </message>
    <message>
        <source>现在由环境变量 SELLER_APP_DATABASE_URL 指定共享案件库：只要设置了它，每次启动都打开它。</source>
        <translation>The shared case store is now set by the environment variable SELLER_APP_DATABASE_URL: as long as it is set, the app opens that store at every start.</translation>
    </message>
    <message>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>使用共享案件库</source>
        <translation>Use the shared case store</translation>
    </message>
    <message>
        <source>改用本机案件库</source>
        <translation>Switch to this PC’s own store</translation>
    </message>
    <message>
        <source>复制本机案件…</source>
        <translation>Copy this PC’s cases…</translation>
    </message>
    <message>
        <source>把这台电脑本机案件库里还没复制过的案件和草稿复制到共享案件库</source>
        <translation>Copy the cases and drafts in this PC’s own store that are not copied yet to the shared case store</translation>
    </message>
    <message>
        <source>更改店铺口令…</source>
        <translation>Change the shop passphrase…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>现在使用：共享案件库 %1</source>
        <translation>In use now: shared case store %1</translation>
    </message>
    <message>
        <source>现在使用：本机案件库（共享案件库连不上，暂时在本机工作）</source>
        <translation>In use now: this PC’s own store (the shared case store cannot be reached; working locally for now)</translation>
    </message>
    <message>
        <source>现在使用：本机案件库（只在这台电脑上）</source>
        <translation>In use now: this PC’s own store (on this PC only)</translation>
    </message>
    <message>
        <source>重新连接共享案件库</source>
        <translation>Reconnect to the shared case store</translation>
    </message>
    <message>
        <source>请填写服务器地址（例如 192.168.1.20）。</source>
        <translation>Fill in the server’s address (e.g. 192.168.1.20).</translation>
    </message>
    <message>
        <source>请填写数据库名（例如 claims）。</source>
        <translation>Fill in the database name (e.g. claims).</translation>
    </message>
    <message>
        <source>请填写用户名（例如 shop）。</source>
        <translation>Fill in the user name (e.g. shop).</translation>
    </message>
    <message>
        <source>正在连接 %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>⚠ 连接成功，但共享案件库已被更新版本的理赔助手升级过（版本 %1）。请先把这台电脑上的理赔助手更新到最新版本。</source>
        <translation>⚠ Connected, but the shared case store was upgraded by a newer version of the app (version %1). Update the app on this PC to the latest version first.</translation>
    </message>
    <message>
        <source>✓ 连接成功。这个数据库里还没有共享案件库：点“使用共享案件库”后，这台电脑会建好案件库并设置店铺口令。</source>
        <translation>✓ Connected. This database has no shared case store yet: click “Use the shared case store” and this PC creates it and sets the shop passphrase.</translation>
    </message>
    <message>
        <source>✓ 连接成功。共享案件库里有 %1 个案件，%2 台电脑接入过。</source>
        <translation>✓ Connected. The shared case store holds %1 case(s); %2 PC(s) have joined it.</translation>
    </message>
    <message>
        <source>这台电脑已经解锁，可以直接使用。</source>
        <translation>This PC is already unlocked and can use it straight away.</translation>
    </message>
    <message>
        <source>这台电脑第一次接入，需要输入店铺口令（向设置它的人要）。</source>
        <translation>This PC joins for the first time and needs the shop passphrase (ask whoever set it).</translation>
    </message>
    <message>
        <source>共享案件库是旧版本，接入时会升级；升级前需要先做一份共享案件库的备份。</source>
        <translation>The shared case store is from an older version and is upgraded on joining; a backup of the shared case store is needed before the upgrade.</translation>
    </message>
    <message>
        <source>请给这台电脑起个名字（例如 前台）。</source>
        <translation>Give this PC a name (e.g. Front desk).</translation>
    </message>
    <message>
        <source>正在更改店铺口令…</source>
        <translation>Changing the shop passphrase…</translation>
    </message>
    <message>
        <source>✓ 店铺口令已更改。已经接入的电脑照常使用；新接入的电脑要输入新口令。有员工离职时，也请在服务器上修改数据库密码。</source>
        <translation>✓ The shop passphrase was changed. PCs that have already joined carry on as before; PCs joining later enter the new passphrase. When someone leaves the shop, also change the database password on the server.</translation>
    </message>
    <message>
        <source>现在的店铺口令不正确，店铺口令没有更改。</source>
        <translation>The current shop passphrase is wrong; the shop passphrase was not changed.</translation>
    </message>
</context>
<context>
    <name>SharedStores</name>
    <message>
        <source>共享案件库还没有打开：这台电脑需要输入一次店铺口令。</source>
        <translation>The shared case store is not open yet: this PC needs the shop passphrase, once.</translation>
    </message>
    <message>
        <source>正在连接 %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>正在连接共享案件库…</source>
        <translation>Connecting to the shared case store…</translation>
    </message>
    <message>
        <source>没有切换：需要店铺口令才能打开共享案件库。</source>
        <translation>Not switched: the shared case store needs the shop passphrase to open.</translation>
    </message>
    <message>
        <source>请先输入这台电脑的案件库密码，打开本机案件库后再连接。</source>
        <translation>First enter this PC’s case store password and open this PC’s own store, then connect.</translation>
    </message>
    <message>
        <source>没有连上共享案件库，仍在本机案件库上工作。</source>
        <translation>Could not connect to the shared case store; still working on this PC’s own store.</translation>
    </message>
    <message>
        <source>仍在本机案件库上工作；没有改动任何内容。</source>
        <translation>Still working on this PC’s own store; nothing was changed.</translation>
    </message>
    <message>
        <source>共享案件库</source>
        <translation>Shared case store</translation>
    </message>
    <message>
        <source>没有切换：请先保存或关闭正在填写的索赔向导（它的草稿没能保存）。</source>
        <translation>Not switched: first save or close the claim wizard you are filling in (its draft could not be saved).</translation>
    </message>
    <message>
        <source>✓ 已切换到共享案件库 %1。</source>
        <translation>✓ Switched to the shared case store %1.</translation>
    </message>
    <message>
        <source>没有切换：请先保存或关闭正在填写的索赔向导。</source>
        <translation>Not switched: first save or close the claim wizard you are filling in.</translation>
    </message>
    <message>
        <source>现在使用本机案件库。</source>
        <translation>Now using this PC’s own store.</translation>
    </message>
</context>
<context>
    <name>ShipmentPage</name>
    <message>
        <source>快件信息</source>
        <translation>Shipment</translation>
    </message>
    <message>
        <source>出问题的那个包裹：快递单号、寄出时间和运费。单号可以填多个。</source>
        <translation>The parcel that went wrong: tracking number, when it was sent and the fee. You can enter several numbers.</translation>
    </message>
    <message>
        <source>例如 SF1234567890123，多个单号用逗号分开</source>
        <translation>e.g. SF1234567890123; separate several numbers with commas</translation>
    </message>
    <message>
        <source>从面单照片读取…</source>
        <translation>Read from label photo…</translation>
    </message>
    <message>
        <source>选一张快递面单照片，自动读出条码里的单号</source>
        <translation>Pick a photo of the waybill label to read the number from its barcode</translation>
    </message>
    <message>
        <source>按单号自动识别</source>
        <translation>Detect from the number</translation>
    </message>
    <message>
        <source>平台订单号（可不填）</source>
        <translation>Platform order number (optional)</translation>
    </message>
    <message>
        <source>未填写（点这里选择）</source>
        <translation>Not entered (click to choose)</translation>
    </message>
    <message>
        <source>例如 12.00</source>
        <translation>e.g. 12.00</translation>
    </message>
    <message>
        <source>例如 2 或 0.5</source>
        <translation>e.g. 2 or 0.5</translation>
    </message>
    <message>
        <source>寄件时办理了保价</source>
        <translation>Insured when sent</translation>
    </message>
    <message>
        <source>保价金额，例如 1500</source>
        <translation>Insured value, e.g. 1500</translation>
    </message>
    <message>
        <source>保价费，例如 6</source>
        <translation>Insurance fee, e.g. 6</translation>
    </message>
    <message>
        <source>我是这家快递的月结客户（按月结算运费）</source>
        <translation>I am this courier&apos;s monthly-account customer</translation>
    </message>
    <message>
        <source>发货地址，例如 广东省潮州市湘桥区陶瓷路 8 号</source>
        <translation>Where it was sent from, e.g. 8 Taoci Rd, Xiangqiao, Chaozhou, Guangdong</translation>
    </message>
    <message>
        <source>收货城市，例如 浙江省杭州市</source>
        <translation>Destination city, e.g. Hangzhou, Zhejiang</translation>
    </message>
    <message>
        <source>或把物流详情截图拖到这一页：自动填写单号、快递公司和寄出时间。</source>
        <translation>Or drop a tracking-page screenshot on this page: the number, courier and posting time are filled in.</translation>
    </message>
    <message>
        <source>快递单号</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <source>快递公司</source>
        <translation>Courier</translation>
    </message>
    <message>
        <source>订单号</source>
        <translation>Order number</translation>
    </message>
    <message>
        <source>寄送范围</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>寄出时间</source>
        <translation>Sent at</translation>
    </message>
    <message>
        <source>快递员收件（揽收）的时间，见物流详情的第一条。</source>
        <translation>When the courier collected the parcel: the first entry of the tracking page.</translation>
    </message>
    <message>
        <source>运费（元）</source>
        <translation>Service fee (yuan)</translation>
    </message>
    <message>
        <source>计费重量（公斤）</source>
        <translation>Billed weight (kg)</translation>
    </message>
    <message>
        <source>保价金额（元）</source>
        <translation>Insured value (yuan)</translation>
    </message>
    <message>
        <source>保价费（元）</source>
        <translation>Insurance fee (yuan)</translation>
    </message>
    <message>
        <source>月结</source>
        <translation>Monthly account</translation>
    </message>
    <message>
        <source>寄件地址</source>
        <translation>Sent from</translation>
    </message>
    <message>
        <source>目的地</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>输入单号后自动识别快递公司</source>
        <translation>The courier is detected once you type a number</translation>
    </message>
    <message>
        <source>无法从单号识别快递公司，请在下面选择</source>
        <translation>The courier cannot be told from the number; choose it below</translation>
    </message>
    <message>
        <source>识别为：%1</source>
        <translation>Detected: %1</translation>
    </message>
    <message>
        <source>（也可能是 %1，请确认）</source>
        <translation> (could also be %1; please confirm)</translation>
    </message>
    <message>
        <source>⚠ 所选快递公司与单号格式不符，请核对</source>
        <translation>⚠ The chosen courier does not match the number format; please check</translation>
    </message>
    <message>
        <source>单号：%1</source>
        <translation>Numbers: %1</translation>
    </message>
    <message>
        <source>⚠ 这个单号已有索赔案件（%1）。同一个包裹重复索赔会被快递公司拒绝；要补充材料，请在案件列表里打开原来的案件。</source>
        <translation>⚠ This tracking number already has a claim (%1). A second claim for the same parcel will be refused by the courier; to add material, open the original case from the case list.</translation>
    </message>
    <message>
        <source>，由 %1 建立</source>
        <translation>, made by %1</translation>
    </message>
    <message>
        <source>从截图读取，请核对</source>
        <translation>Read from the screenshot; please check</translation>
    </message>
    <message>
        <source>选择面单照片</source>
        <translation>Choose a label photo</translation>
    </message>
    <message>
        <source>正在读取面单条码…</source>
        <translation>Reading the label barcode…</translation>
    </message>
    <message>
        <source>照片里没有找到可读的条码，请手动输入单号。</source>
        <translation>No readable barcode in the photo; please type the number.</translation>
    </message>
    <message>
        <source>读取面单照片失败：%1</source>
        <translation>Could not read the label photo: %1</translation>
    </message>
    <message>
        <source>没有需要填写的空白项</source>
        <translation>no empty fields to fill in</translation>
    </message>
    <message>
        <source>截图里的单号是 %1，和填写的不同，请核对。</source>
        <translation>The screenshot&apos;s tracking number is %1, not the one entered; please check.</translation>
    </message>
    <message>
        <source>截图显示揽收时间是 %1，和填写的寄出时间不同，请核对。</source>
        <translation>The screenshot shows the parcel collected %1, not the posting time entered; please check.</translation>
    </message>
</context>
<context>
    <name>SignerPage</name>
    <message>
        <source>签收核实</source>
        <translation>Who signed</translation>
    </message>
    <message>
        <source>快递显示签收了吗？是谁签的？这决定了先找谁、按什么索赔。</source>
        <translation>Does tracking show it delivered? Who signed? That decides whom to settle with first and what to claim.</translation>
    </message>
    <message>
        <source>签收底单或签收照片上的名字（可不填）</source>
        <translation>Name on the proof of delivery or photo (optional)</translation>
    </message>
    <message>
        <source>知道签收时间</source>
        <translation>I know when it was signed for</translation>
    </message>
    <message>
        <source>未填写</source>
        <translation>Not entered</translation>
    </message>
    <message>
        <source>快递员离开前，收件人当面开箱验了货</source>
        <translation>The recipient opened and checked it before the courier left</translation>
    </message>
    <message>
        <source>未经收件人同意，放进了快递柜或驿站</source>
        <translation>Left in a locker or pickup point without consent</translation>
    </message>
    <message>
        <source>买家信息（印在索赔单上，加密保存在本机）</source>
        <translation>Buyer (printed on the claim form, kept encrypted on this computer)</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>买家已在平台申请售后</source>
        <translation>The buyer opened an after-sales request on the platform</translation>
    </message>
    <message>
        <source>平台已介入</source>
        <translation>The platform has stepped in</translation>
    </message>
    <message>
        <source>买家售后（可不填，填了会提醒平台的处理时限）</source>
        <translation>Buyer&apos;s after-sales request (optional; the platform&apos;s time limits are then tracked)</translation>
    </message>
    <message>
        <source>买家申请售后的时间</source>
        <translation>When the buyer asked for after-sales</translation>
    </message>
    <message>
        <source>平台介入的时间</source>
        <translation>When the platform stepped in</translation>
    </message>
    <message>
        <source>或把签收底单、物流详情截图拖到这一页：自动填写签收人和签收时间。</source>
        <translation>Or drop a proof-of-delivery or tracking-page screenshot on this page: the signer and the signing time are filled in.</translation>
    </message>
    <message>
        <source>谁签收的</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <source>签收人姓名</source>
        <translation>Signer&apos;s name</translation>
    </message>
    <message>
        <source>签收时间</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <source>选择签收人后，这里会告诉你接下来该怎么做。</source>
        <translation>Choose who signed and this box tells you what to do next.</translation>
    </message>
    <message>
        <source>✓ 签收情况没有问题，可以直接向快递公司索赔。</source>
        <translation>✓ Delivery looks fine; claim from the courier directly.</translation>
    </message>
    <message>
        <source>签收人</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>没有需要填写的空白项</source>
        <translation>no empty fields to fill in</translation>
    </message>
    <message>
        <source>从截图读取，请核对</source>
        <translation>Read from the screenshot; please check</translation>
    </message>
    <message>
        <source>从截图读取：签收的不是买家本人。请向买家确认是否授权代收：授权了选“买家授权的人”，没有授权选“其他人（未经授权）”。</source>
        <translation>Read from the screenshot: the buyer did not sign in person. Ask the buyer whether they authorised it: if so choose “Someone the buyer authorised”, if not “Someone else (not authorised)”.</translation>
    </message>
    <message>
        <source>截图显示：%1，和填写的不同，请核对</source>
        <translation>The screenshot shows %1, not what was entered; please check</translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <source>第 %1 步 / 共 %2 步</source>
        <translation>Step %1 of %2</translation>
    </message>
</context>
<context>
    <name>StoreWork</name>
    <message>
        <source>理赔助手备份-%1.zip</source>
        <translation>seller-claims-backup-%1.zip</translation>
    </message>
    <message>
        <source>备份全部数据</source>
        <translation>Back up all data</translation>
    </message>
    <message>
        <source>不能保存在这里</source>
        <translation>Cannot save there</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>备份失败</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>已备份到 %1</source>
        <translation>Backed up to %1</translation>
    </message>
    <message>
        <source>备份完成</source>
        <translation>Backup done</translation>
    </message>
    <message>
        <source>已备份到 %1。
恢复时需要刚才设置的备份密码。</source>
        <translation>Backed up to %1.
Restoring it needs the backup password you just set.</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose the backup file</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>恢复会用备份中的案件替换现在的全部案件。现在的数据不会删除，会移到数据文件夹里的 replaced 文件夹中。继续吗？</source>
        <translation>Restoring replaces all current cases with the backup’s. The current data is not deleted: it is moved to a “replaced” folder in the data folder. Go on?</translation>
    </message>
    <message>
        <source>没有恢复，现有数据保持不变：%1</source>
        <translation>Nothing was restored; your data is unchanged: %1</translation>
    </message>
    <message>
        <source>已从备份恢复。</source>
        <translation>Restored from the backup.</translation>
    </message>
    <message>
        <source>原来的数据移到了 %1。</source>
        <translation>The previous data was moved to %1.</translation>
    </message>
    <message>
        <source>导入国务院放假安排</source>
        <translation>Import the official holiday schedule</translation>
    </message>
    <message>
        <source>不能导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>已导入 %1 年的放假安排：%2 天放假，%3 个调休上班日。期限已按它重新计算。</source>
        <translation>Imported the %1 holiday schedule: %2 days off, %3 make-up working days. The deadlines have been worked out again.</translation>
    </message>
    <message>
        <source>已导入放假安排</source>
        <translation>Holiday schedule imported</translation>
    </message>
</context>
<context>
    <name>SummaryBar</name>
    <message>
        <source>待提交</source>
        <translation>To file</translation>
    </message>
    <message>
        <source>等快递公司处理</source>
        <translation>With the courier</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>本月索赔</source>
        <translation>claimed this month</translation>
    </message>
    <message>
        <source>已填好、还没提交给快递公司的索赔（含未填完的草稿）</source>
        <translation>Claims filled in but not sent to the courier yet (and drafts still being filled in)</translation>
    </message>
    <message>
        <source>已提交给快递公司、还没结案的索赔：等它答复、赔付，或处理投诉和申诉</source>
        <translation>Claims sent to the courier and not closed: waiting for its answer, its payment, or the outcome of a complaint or appeal</translation>
    </message>
    <message>
        <source>下一个期限已过或今天到期的案件</source>
        <translation>Cases whose next deadline has passed or falls today</translation>
    </message>
    <message>
        <source>本月提交的索赔所要求的金额，和本月实际收到的赔款（不论哪个月提交的）</source>
        <translation>What the claims sent this month ask for, and the compensation received this month (whenever its claim was sent)</translation>
    </message>
    <message>
        <source>另有 %1 份草稿未填完</source>
        <translation>plus %1 draft(s) in progress</translation>
    </message>
    <message>
        <source>已填好，还没提交</source>
        <translation>filled in, not sent yet</translation>
    </message>
    <message>
        <source>等它答复、赔付或处理投诉</source>
        <translation>awaiting an answer or payment</translation>
    </message>
    <message>
        <source>今天到期 %1 项</source>
        <translation>%1 due today</translation>
    </message>
    <message>
        <source>本月到账 %1</source>
        <translation>received this month %1</translation>
    </message>
</context>
<context>
    <name>WizardReasons</name>
    <message>
        <source>⚠ 寄出时间和提交索赔的时间完全相同，通常是其中一个忘了改。寄出时间是快递员收件的时间，提交时间是把索赔交给快递公司的时间，请核对。</source>
        <translation>⚠ The posting time and the claim time are exactly the same; usually one of them was left unchanged. The posting time is when the courier collected the parcel, the claim time when the claim was sent to the courier; please check.</translation>
    </message>
</context>
</TS>
